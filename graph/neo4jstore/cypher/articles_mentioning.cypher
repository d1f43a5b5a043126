// articles_mentioning: for each of some entities, one page of the articles
// that mention it and match a filter, in the order and keyset of
// articles_page, with the number of all matches.
//
// Params:     the filter (graph.ArticleFilter); an empty list does not filter:
//             $sources   LIST<STRING>    lower-case publishers
//             $from      DATE or null    published on or after it
//             $to        DATE or null    published on or before it
//             $text      STRING or null  full-text query over article_titles
//             $mentions  LIST<STRING>    entity ids the article must all mention
//             $entities  LIST<STRING>    entity ids, without duplicates
//             $afterKey  FLOAT or null   keyset: the key of the last row seen
//             $afterID   STRING          keyset: the id of the last row seen
//             $limit     INTEGER         rows per page (page size + 1)
// Returns:    one row per entity: entity STRING, total INTEGER,
//             page LIST<MAP {a NODE, key FLOAT}> in order
// Idempotent: yes (reads only)
WITH CASE WHEN $text IS NULL THEN null ELSE COLLECT {
  CALL db.index.fulltext.queryNodes('article_titles', $text) YIELD node
  RETURN node.id
} END AS hits
UNWIND $entities AS entity
CALL (entity, hits) {
  MATCH (:Entity {id: entity})-[:MENTIONED_IN]->(a:Article)
  WITH DISTINCT a, hits
  WITH a, hits, CASE WHEN a.published =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}.*'
    THEN date(left(a.published, 10)) END AS day
// article filter:begin  (the same block is in articles_page and articles_mentioning)
  WHERE (hits IS NULL OR a.id IN hits)
    AND (size($sources) = 0 OR toLower(a.source) IN $sources)
    AND ($from IS NULL OR day >= $from)
    AND ($to IS NULL OR day <= $to)
    AND all(x IN $mentions WHERE EXISTS {
      MATCH (:Entity {id: x})-[:MENTIONED_IN]->(a)
    })
// article filter:end
  WITH a, CASE WHEN day IS NULL THEN 1.0e9
    ELSE -toFloat(duration.inDays(date('1970-01-01'), day).days) END AS key
  ORDER BY key, a.id
  WITH collect({a: a, key: key}) AS rows
  RETURN size(rows) AS total, [r IN rows
    WHERE $afterKey IS NULL OR r.key > $afterKey OR (r.key = $afterKey AND r.a.id > $afterID)
    | {a: r.a, key: r.key}][0..$limit] AS page
}
RETURN entity, total, page
