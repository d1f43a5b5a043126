// export_participants: every PARTICIPANT link, for Export.
//
// Params:     none
// Returns:    source STRING (event id), role STRING, target STRING (entity id)
// Idempotent: yes (reads only)
MATCH (ev:Event)-[r:PARTICIPANT]->(e:Entity)
RETURN ev.id AS source, r.role AS role, e.id AS target
ORDER BY source, role, target
