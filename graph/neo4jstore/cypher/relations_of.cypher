// relations_of: batch loader for the relations of entities, both ways.
//
// Params:     $ids LIST<STRING>  entity ids, without duplicates
// Returns:    entity STRING (the id asked for), source STRING, type STRING,
//             target STRING, role STRING or null, date STRING or null,
//             evidence LIST<STRING> or null ("<article>[<start>:<end>]");
//             ordered by entity, type, source, target
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[r:RELATED]-(:Entity)
RETURN id AS entity, startNode(r).id AS source, r.type AS type, endNode(r).id AS target,
       r.role AS role, r.date AS date, r.evidence AS evidence
ORDER BY entity, type, source, target
