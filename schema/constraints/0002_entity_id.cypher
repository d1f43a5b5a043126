// Entities (countries, people, organizations, places, regions) are
// identified by our own stable id (country:AZE, person:sergey-lavrov).
// Ingest MERGEs on it; the constraint also gives MERGE its index.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE
