// export_events: every event, for Export.
//
// Params:     none
// Returns:    ev NODE, reports INTEGER (distinct articles with EVIDENCE);
//             ordered by type, id
// Idempotent: yes (reads only)
MATCH (ev:Event)
RETURN ev, size(COLLECT {
  MATCH (ev)-[:EVIDENCE]->(a:Article)
  RETURN DISTINCT a.id
}) AS reports
ORDER BY ev.type, ev.id
