// entity_label: give entities their type label (:Country, :Person, ...).
// __TYPE__ is replaced in Go by a label from a closed switch over
// extract.EntityTypes (labels.go); it is never taken from input.
//
// Params:     $ids LIST<STRING>  ids of entities of that one type
// Returns:    nothing
// Idempotent: yes; nodes that have the label already are not touched.
MATCH (n:Entity)
WHERE n.id IN $ids AND NOT n:__TYPE__
SET n:__TYPE__
