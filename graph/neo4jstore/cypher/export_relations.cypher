// export_relations: every relation between entities, for Export.
//
// Params:     none
// Returns:    source STRING, type STRING, target STRING, role STRING or null,
//             date STRING or null, evidence LIST<STRING> or null
// Idempotent: yes (reads only)
MATCH (s:Entity)-[r:RELATED]->(t:Entity)
RETURN s.id AS source, r.type AS type, t.id AS target,
       r.role AS role, r.date AS date, r.evidence AS evidence
ORDER BY source, type, target
