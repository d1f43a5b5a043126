// events_in_articles: batch loader for the events articles report.
//
// Params:     $ids LIST<STRING>  article ids, without duplicates
// Returns:    article STRING, ev NODE, reports INTEGER (distinct articles
//             with EVIDENCE); ordered by article, then the event's from
//             and id
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (ev:Event)-[:EVIDENCE]->(:Article {id: id})
WITH DISTINCT id, ev
RETURN id AS article, ev, size(COLLECT {
  MATCH (ev)-[:EVIDENCE]->(a:Article)
  RETURN DISTINCT a.id
}) AS reports
ORDER BY article, ev.from, ev.id
