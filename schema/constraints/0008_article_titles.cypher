// Full-text search over article titles.
CREATE FULLTEXT INDEX article_titles IF NOT EXISTS FOR (a:Article) ON EACH [a.title]
