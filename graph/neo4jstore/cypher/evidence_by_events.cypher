// evidence_by_events: batch loader for the evidence of events. Each
// article comes once with its text; the caller slices the spans out of it
// (byte offsets, which Cypher's substring cannot take).
//
// Params:     $ids LIST<STRING>  event ids, without duplicates
// Returns:    article STRING, text STRING, and the parallel lists
//             events LIST<STRING>, starts LIST<INTEGER>, ends LIST<INTEGER>
//             of that article's spans, ordered by start, end
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (ev:Event {id: id})-[r:EVIDENCE]->(a:Article)
WITH a, ev, r
ORDER BY r.start, r.end, ev.id
RETURN a.id AS article, a.text AS text,
       collect(ev.id) AS events, collect(r.start) AS starts, collect(r.end) AS ends
