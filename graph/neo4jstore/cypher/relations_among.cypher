// relations_among: the relations between entities of a set, for a
// neighbourhood's edges.
//
// Params:     $ids LIST<STRING>  entity ids
// Returns:    source STRING, type STRING, target STRING, role STRING or null;
//             ordered by source, type, target
// Idempotent: yes (reads only)
MATCH (s:Entity)-[r:RELATED]->(t:Entity)
WHERE s.id IN $ids AND t.id IN $ids
RETURN s.id AS source, r.type AS type, t.id AS target, r.role AS role
ORDER BY source, type, target
