// article_merge: create or update one article.
//
// Params:     $id    STRING  the article's id
//             $props MAP     title, published, publishedAt (DATETIME), source,
//                            section, author, dateline, url, text; empty
//                            values are left out, so they never erase
// Returns:    nothing
// Idempotent: yes. A new article gets every property ON CREATE. On a match,
//             only the properties whose value differs are SET: Neo4j counts
//             a SET of an equal value as an update, so a plain ON MATCH SET
//             would make every re-ingest look like a change.
MERGE (a:Article {id: $id})
  ON CREATE SET a += $props
WITH a
FOREACH (k IN [k IN keys($props) WHERE a[k] IS NULL OR a[k] <> $props[k]] |
  SET a[k] = $props[k])
