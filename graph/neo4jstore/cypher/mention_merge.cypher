// mention_merge: link entities to the article spans that name them.
//
// Params:     $rows LIST<MAP> of
//               entity  STRING   entity id
//               article STRING   article id
//               start   INTEGER  byte offset into the article text
//               end     INTEGER  byte offset, exclusive
//               batch   STRING   the article whose batch the row is
// Returns:    linked INTEGER  rows whose two ends were found,
//             changed LIST<STRING>  the batches whose rows created a link
// Idempotent: yes; one MENTIONED_IN per (entity, article, start, end).
UNWIND $rows AS row
CALL (row) {
  MATCH (e:Entity {id: row.entity})
  MATCH (a:Article {id: row.article})
  OPTIONAL MATCH (e)-[old:MENTIONED_IN {start: row.start, end: row.end}]->(a)
  WITH e, a, row, old IS NULL AS created
  MERGE (e)-[:MENTIONED_IN {start: row.start, end: row.end}]->(a)
  RETURN created AS changed
}
RETURN count(*) AS linked, collect(DISTINCT CASE WHEN changed THEN row.batch END) AS changed
