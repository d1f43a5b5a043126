// Full-text search over entity names and aliases. Neo4j 5.26 indexes every
// element of a LIST<STRING> property (checked against 5.26.31 and by the
// neo4jstore tests), so the aliases list needs no joined copy.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]
