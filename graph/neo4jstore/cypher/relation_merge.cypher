// relation_merge: create or update relations between entities, one
// RELATED relationship per (source, type, target).
//
// Params:     $rows LIST<MAP> of
//               source   STRING        entity id
//               target   STRING        entity id
//               type     STRING        MEMBER_OF, LOCATED_IN, OFFICIAL_OF, ...
//               props    MAP           role, date; empty values are left out
//               evidence LIST<STRING>  spans as "<article id>[<start>:<end>]"
//               article  STRING        the article reporting it
// Returns:    linked INTEGER  rows whose two ends were found
// Idempotent: yes, also across articles: properties are set ON CREATE and,
//             on a match, only where the relation lacks them; evidence and
//             articles (the reporting articles, which DeleteArticle reads)
//             are sorted unions of stored and new values.
UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:RELATED {type: row.type}]->(t)
  ON CREATE SET r += row.props
WITH r, row
FOREACH (k IN [k IN keys(row.props) WHERE r[k] IS NULL] |
  SET r[k] = row.props[k])
WITH r, row, COLLECT {
  UNWIND coalesce(r.evidence, []) + row.evidence AS span
  RETURN DISTINCT span ORDER BY span
} AS evidence, COLLECT {
  UNWIND coalesce(r.articles, []) + row.article AS a
  RETURN DISTINCT a ORDER BY a
} AS articles
FOREACH (_ IN CASE WHEN evidence <> coalesce(r.evidence, []) THEN [1] ELSE [] END |
  SET r.evidence = evidence)
FOREACH (_ IN CASE WHEN articles <> coalesce(r.articles, []) THEN [1] ELSE [] END |
  SET r.articles = articles)
RETURN count(*) AS linked
