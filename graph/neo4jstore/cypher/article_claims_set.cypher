// article_claims_set: record what an article itself says (see
// provenance.go): its claims, replacing those of an earlier ingest of it.
// Ingest runs it while resolving, before it writes the article's
// properties; the node is created here when new.
//
// Params:     $id     STRING        the article's id
//             $claims LIST<STRING>  its claims, sorted, maybe empty
// Returns:    nothing
// Idempotent: yes; claims equal to the stored ones are not written again
//             (Neo4j counts a SET of an equal value as an update).
MERGE (a:Article {id: $id})
WITH a
WHERE a.claims IS NULL OR a.claims <> $claims
SET a.claims = $claims
