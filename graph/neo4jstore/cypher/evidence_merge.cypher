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
//               batch   STRING   the article whose batch the row is
// Returns:    linked INTEGER  rows whose two ends were found,
//             changed LIST<STRING>  the batches whose rows changed something
// Idempotent: yes; one EVIDENCE per (event, article, start, end), whose
//             reports are the sorted union. Each row runs in a subquery of
//             its own, so it sees the rows before it.
UNWIND $rows AS row
CALL (row) {
  MATCH (ev:Event {id: row.event})
  MATCH (a:Article {id: row.article})
  OPTIONAL MATCH (ev)-[old:EVIDENCE {start: row.start, end: row.end}]->(a)
  WITH ev, a, row, old IS NULL AS created
  MERGE (ev)-[r:EVIDENCE {start: row.start, end: row.end}]->(a)
  WITH r, row, created, COLLECT {
    UNWIND coalesce(r.reports, []) + coalesce(row.reports, []) AS x
    RETURN DISTINCT x ORDER BY x
  } AS reports
  WITH r, row, reports, created OR reports <> coalesce(r.reports, []) AS changed
  FOREACH (_ IN CASE WHEN reports <> coalesce(r.reports, []) THEN [1] ELSE [] END |
    SET r.reports = reports)
  RETURN changed
}
RETURN count(*) AS linked, collect(DISTINCT CASE WHEN changed THEN row.batch END) AS changed
