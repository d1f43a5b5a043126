// article_claims_set: record what articles themselves say (see
// provenance.go): each one's claims, replacing those of an earlier ingest
// of it. Ingest runs it in the transaction that writes the articles, once
// a round; the node is created here when new.
//
// Params:     $rows LIST<MAP>  {id: STRING the article's id,
//                               claims: LIST<STRING> its claims, sorted, maybe empty}
// Returns:    nothing
// Idempotent: yes; claims equal to the stored ones are not written again
//             (Neo4j counts a SET of an equal value as an update).
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
WITH a, row
WHERE a.claims IS NULL OR a.claims <> row.claims
SET a.claims = row.claims
