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
//               batch    STRING        the article whose batch the row is
// Returns:    linked INTEGER  rows whose two ends were found,
//             changed LIST<STRING>  the batches whose rows changed something
// Idempotent: yes, also across articles: properties are set ON CREATE and,
//             on a match, only where the relation lacks them; evidence and
//             articles (the reporting articles, which DeleteArticle reads)
//             are sorted unions of stored and new values. Each row runs in
//             a subquery of its own, so it sees the rows before it.
UNWIND $rows AS row
CALL (row) {
  MATCH (s:Entity {id: row.source})
  MATCH (t:Entity {id: row.target})
  OPTIONAL MATCH (s)-[old:RELATED {type: row.type}]->(t)
  WITH s, t, row, old IS NULL AS created
  MERGE (s)-[r:RELATED {type: row.type}]->(t)
    ON CREATE SET r += row.props
  WITH r, row, created, [k IN keys(row.props) WHERE r[k] IS NULL] AS gaps
  FOREACH (k IN gaps | SET r[k] = row.props[k])
  WITH r, row, created, gaps, COLLECT {
    UNWIND coalesce(r.evidence, []) + row.evidence AS span
    RETURN DISTINCT span ORDER BY span
  } AS evidence, COLLECT {
    UNWIND coalesce(r.articles, []) + row.article AS a
    RETURN DISTINCT a ORDER BY a
  } AS articles
  WITH r, row, evidence, articles, created OR size(gaps) > 0 AS changed,
       evidence <> coalesce(r.evidence, []) AS newEvidence,
       articles <> coalesce(r.articles, []) AS newArticles
  FOREACH (_ IN CASE WHEN newEvidence THEN [1] ELSE [] END | SET r.evidence = evidence)
  FOREACH (_ IN CASE WHEN newArticles THEN [1] ELSE [] END | SET r.articles = articles)
  RETURN changed OR newEvidence OR newArticles AS changed
}
RETURN count(*) AS linked, collect(DISTINCT CASE WHEN changed THEN row.batch END) AS changed
