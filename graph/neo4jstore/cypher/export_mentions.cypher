// export_mentions: the MENTIONED_IN spans of every entity, one row per
// (entity, article), for Export.
//
// Params:     none
// Returns:    source STRING (entity id), target STRING (article id),
//             starts LIST<INTEGER>, ends LIST<INTEGER> (parallel, by start)
// Idempotent: yes (reads only)
MATCH (e:Entity)-[r:MENTIONED_IN]->(a:Article)
WITH e, a, r
ORDER BY r.start, r.end
RETURN e.id AS source, a.id AS target, collect(r.start) AS starts, collect(r.end) AS ends
