// export_participants: every PARTICIPANT link, for Export.
//
// Params:     none
// Returns:    source STRING (event id), role STRING, target STRING (entity
//             id), groups and sectors LIST<STRING> (empty when none)
// Idempotent: yes (reads only)
MATCH (ev:Event)-[r:PARTICIPANT]->(e:Entity)
RETURN ev.id AS source, r.role AS role, e.id AS target,
       coalesce(r.groups, []) AS groups, coalesce(r.sectors, []) AS sectors
ORDER BY source, role, target
