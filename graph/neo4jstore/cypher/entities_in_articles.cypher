// entities_in_articles: batch loader for the entities articles mention.
//
// Params:     $ids LIST<STRING>  article ids, without duplicates
// Returns:    article STRING, n NODE, mentions INTEGER (spans naming it);
//             ordered by article, then most mentioned first, then id
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (n:Entity)-[m:MENTIONED_IN]->(:Article {id: id})
WITH id, n, count(m) AS mentions
RETURN id AS article, n, mentions
ORDER BY article, mentions DESC, n.id
