// search: full-text search over entity names and aliases (entity_names),
// event labels, topics and subtypes (event_text) and article titles
// (article_titles), best first. Entity scores count twice: a name is
// short, and the entity is what a search for a name looks for first.
//
// Params:     $text  STRING   a Lucene query (see fulltextQuery)
//             $limit INTEGER  rows to return
// Returns:    id STRING, type STRING (the entity or event type, or Article),
//             name STRING (name, label or title), score FLOAT; by score
//             descending, then id
// Idempotent: yes (reads only)
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $text, {limit: $limit}) YIELD node, score
  RETURN node.id AS id, node.type AS type, node.name AS name, 2 * score AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('event_text', $text, {limit: $limit}) YIELD node, score
  RETURN node.id AS id, node.type AS type, node.label AS name, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('article_titles', $text, {limit: $limit}) YIELD node, score
  RETURN node.id AS id, 'Article' AS type, node.title AS name, score
}
RETURN id, type, coalesce(name, id) AS name, score
ORDER BY score DESC, id
LIMIT $limit
