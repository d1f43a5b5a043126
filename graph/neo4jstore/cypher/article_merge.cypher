// article_merge: create or update articles.
//
// Params:     $rows LIST<MAP> of
//               id    STRING  the article's id
//               batch STRING  the id of the article whose batch the row is
//                             (the same id), for the changed column
//               props MAP     title, published, publishedAt (DATETIME), source,
//                             section, author, dateline, url, text; empty
//                             values are left out, so they never erase
// Returns:    changed LIST<STRING>  the batches whose row changed something
// Idempotent: yes. A new article gets every property ON CREATE. On a match,
//             only the properties whose value differs are SET: Neo4j counts
//             a SET of an equal value as an update, so a plain ON MATCH SET
//             would make every re-ingest look like a change. Each row runs
//             in a subquery of its own, so it sees the rows before it.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (old:Article {id: row.id})
  WITH row, old IS NULL AS created
  MERGE (a:Article {id: row.id})
    ON CREATE SET a += row.props
  WITH a, row, created, [k IN keys(row.props) WHERE a[k] IS NULL OR a[k] <> row.props[k]] AS diff
  FOREACH (k IN diff | SET a[k] = row.props[k])
  RETURN created OR size(diff) > 0 AS changed
}
RETURN collect(DISTINCT CASE WHEN changed THEN row.batch END) AS changed
