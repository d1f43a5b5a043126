// curation_rules: the curation decisions about some entity ids, which
// Ingest applies to a batch before it resolves and writes it.
//
// Params:     $ids LIST<STRING>  entity ids a batch names
// Returns:    id STRING, kind STRING ("merge" or "split"), from STRING,
//             to STRING, article STRING or null, at DATETIME; one row per
//             decision whose from is in $ids, ordered by id
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (c:Curation {from: id})
RETURN c.id AS id, c.kind AS kind, c.from AS from, c.to AS to,
       c.article AS article, c.at AS at
ORDER BY id
