// Persons are filed under the key of their surname (graph.NameKey), so
// that Ingest finds the stored spellings of a name (Mamedyarov,
// Mammadyarov) without reading every person of a country.
CREATE INDEX person_name_key IF NOT EXISTS FOR (p:Person) ON (p.nameKey)
