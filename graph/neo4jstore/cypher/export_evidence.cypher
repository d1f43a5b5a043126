// export_evidence: the EVIDENCE spans of every event, one row per
// (event, article), for Export.
//
// Params:     none
// Returns:    source STRING (event id), target STRING (article id),
//             starts LIST<INTEGER>, ends LIST<INTEGER> (parallel, by start)
// Idempotent: yes (reads only)
MATCH (ev:Event)-[r:EVIDENCE]->(a:Article)
WITH ev, a, r
ORDER BY r.start, r.end
RETURN ev.id AS source, a.id AS target, collect(r.start) AS starts, collect(r.end) AS ends
