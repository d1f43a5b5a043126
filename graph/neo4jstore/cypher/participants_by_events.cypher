// participants_by_events: batch loader for the participants of events.
//
// Params:     $ids LIST<STRING>  event ids, without duplicates
// Returns:    event STRING, role STRING, entity STRING, groups and
//             sectors LIST<STRING> (empty when none); ordered by event,
//             role, entity
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (ev:Event {id: id})-[r:PARTICIPANT]->(e:Entity)
RETURN ev.id AS event, r.role AS role, e.id AS entity,
       coalesce(r.groups, []) AS groups, coalesce(r.sectors, []) AS sectors
ORDER BY event, role, entity
