// articles_by_ids: batch loader for articles, with their text.
//
// Params:     $ids LIST<STRING>  article ids, without duplicates
// Returns:    a NODE, one row per id found
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a
