// entity_by_id: one entity.
//
// Params:     $id STRING
// Returns:    n NODE; no row when there is no such entity
// Idempotent: yes (reads only)
MATCH (n:Entity {id: $id})
RETURN n
