// article_by_id: one article with its full text.
//
// Params:     $id STRING
// Returns:    a NODE; no row when there is no such article
// Idempotent: yes (reads only)
MATCH (a:Article {id: $id})
RETURN a
