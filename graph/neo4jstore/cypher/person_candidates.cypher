// person_candidates: for each person of a batch, the stored entity with
// its id and the stored persons that may be the same one under another
// spelling: the same country and the same name key (graph.NameKey, kept
// as nameKey on every :Person). Ingest decides with graph.PickPerson.
//
// Params:     $rows LIST<MAP> of
//               id      STRING          the batch's id for the entity
//               key     STRING or null  graph.NameKey of its name
//               country STRING or null  ISO3 of its country; without key and
//                                       country, only same is looked up
// Returns:    id STRING (the row's), same NODE or null,
//             candidates LIST<NODE> ordered by id, without same
// Idempotent: yes (reads only)
UNWIND $rows AS row
OPTIONAL MATCH (same:Entity {id: row.id})
RETURN row.id AS id, same, COLLECT {
  MATCH (p:Person {nameKey: row.key})
  WHERE p.country = row.country AND p.id <> row.id
  RETURN p ORDER BY p.id
} AS candidates
