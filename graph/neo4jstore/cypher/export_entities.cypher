// export_entities: every entity, for Export.
//
// Params:     none
// Returns:    n NODE, ordered by type, id
// Idempotent: yes (reads only)
MATCH (n:Entity)
RETURN n
ORDER BY n.type, n.id
