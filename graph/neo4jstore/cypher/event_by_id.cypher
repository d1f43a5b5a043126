// event_by_id: one event.
//
// Params:     $id STRING
// Returns:    ev NODE, reports INTEGER (distinct articles with EVIDENCE);
//             no row when there is no such event
// Idempotent: yes (reads only)
MATCH (ev:Event {id: $id})
RETURN ev, size(COLLECT {
  MATCH (ev)-[:EVIDENCE]->(a:Article)
  RETURN DISTINCT a.id
}) AS reports
