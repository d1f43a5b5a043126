// entities_by_ids: batch loader for entities.
//
// Params:     $ids LIST<STRING>  entity ids, without duplicates
// Returns:    n NODE, one row per id found
// Idempotent: yes (reads only)
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n
