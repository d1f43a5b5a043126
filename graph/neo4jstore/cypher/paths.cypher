// paths: the shortest ways two entities are connected: through events
// both take part in (entity, event, entity, ...) and relations between
// entities (OFFICIAL_OF, MEMBER_OF, ...). Articles are no links.
//
// Params:     $from      STRING   entity id at one end
//             $to        STRING   entity id at the other end
//             $maxLength INTEGER  most relationships in a path (at most 8)
//             $limit     INTEGER  paths to return
// Returns:    nodes LIST<MAP {id, type, name}> in path order, edges
//             LIST<MAP {source, target, type}> (type the participant role
//             or the relation type; source and target as stored); shortest
//             paths only, ordered by their node ids
// Idempotent: yes (reads only)
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:PARTICIPANT|RELATED*..8]-(b))
WITH p
WHERE length(p) <= $maxLength
WITH p, [n IN nodes(p) | n.id] AS ids
ORDER BY ids
LIMIT $limit
RETURN [n IN nodes(p) | {id: n.id, type: n.type, name: coalesce(n.name, n.label, n.id)}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id,
         type: CASE type(r) WHEN 'PARTICIPANT' THEN r.role ELSE r.type END}] AS edges
