// events_by_ids: batch loader for events.
//
// Params:     $ids LIST<STRING>  event ids, without duplicates
// Returns:    ev NODE, reports INTEGER (distinct articles with EVIDENCE);
//             one row per id found
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (ev:Event {id: id})
RETURN ev, size(COLLECT {
  MATCH (ev)-[:EVIDENCE]->(a:Article)
  RETURN DISTINCT a.id
}) AS reports
