// export_articles: every article with its text, for Export.
//
// Params:     none
// Returns:    a NODE, ordered by id
// Idempotent: yes (reads only)
MATCH (a:Article)
RETURN a
ORDER BY a.id
