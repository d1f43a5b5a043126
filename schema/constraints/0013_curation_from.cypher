// Ingest looks up the curation decisions about the entity ids of a batch.
CREATE INDEX curation_from IF NOT EXISTS FOR (c:Curation) ON (c.from)
