// evidence_merge: link events to the article spans that report them.
//
// Params:     $rows LIST<MAP> of
//               event   STRING   event id
//               article STRING   article id
//               start   INTEGER  byte offset into the article text
//               end     INTEGER  byte offset, exclusive
// Returns:    linked INTEGER  rows whose two ends were found
// Idempotent: yes; one EVIDENCE per (event, article, start, end).
UNWIND $rows AS row
MATCH (ev:Event {id: row.event})
MATCH (a:Article {id: row.article})
MERGE (ev)-[:EVIDENCE {start: row.start, end: row.end}]->(a)
RETURN count(*) AS linked
