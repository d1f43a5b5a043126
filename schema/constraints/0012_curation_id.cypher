// Curation decisions (entity merges and splits) are identified by our own
// id (merge:<dropped id>, split:<id>:<article id>); recording one MERGEs
// on it.
CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (c:Curation) REQUIRE c.id IS UNIQUE
