// evidence_merge: link events to the article spans that report them.
//
// Params:     $rows LIST<MAP> of
//               event   STRING   event id
//               article STRING   article id
//               start   INTEGER  byte offset into the article text
//               end     INTEGER  byte offset, exclusive
//               reports LIST<STRING>  the extractor's ids of the reports the
//                                 span supports, which identity resolution
//                                 filed under this event (an anchor for
//                                 re-ingest)
// Returns:    linked INTEGER  rows whose two ends were found
// Idempotent: yes; one EVIDENCE per (event, article, start, end), whose
//             reports are the sorted union.
UNWIND $rows AS row
MATCH (ev:Event {id: row.event})
MATCH (a:Article {id: row.article})
MERGE (ev)-[r:EVIDENCE {start: row.start, end: row.end}]->(a)
WITH r, row, COLLECT {
  UNWIND coalesce(r.reports, []) + coalesce(row.reports, []) AS x
  RETURN DISTINCT x ORDER BY x
} AS reports
FOREACH (_ IN CASE WHEN reports <> coalesce(r.reports, []) THEN [1] ELSE [] END |
  SET r.reports = reports)
RETURN count(*) AS linked
