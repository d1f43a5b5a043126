// mention_merge: link entities to the article spans that name them.
//
// Params:     $rows LIST<MAP> of
//               entity  STRING   entity id
//               article STRING   article id
//               start   INTEGER  byte offset into the article text
//               end     INTEGER  byte offset, exclusive
// Returns:    linked INTEGER  rows whose two ends were found
// Idempotent: yes; one MENTIONED_IN per (entity, article, start, end).
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (a:Article {id: row.article})
MERGE (e)-[:MENTIONED_IN {start: row.start, end: row.end}]->(a)
RETURN count(*) AS linked
