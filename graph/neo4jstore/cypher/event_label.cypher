// event_label: give events their type label (:Visit, :Meeting, ...).
// __TYPE__ is replaced in Go by a label from a closed switch over
// extract.EventTypes (labels.go); it is never taken from input.
//
// Params:     $ids LIST<STRING>  ids of events of that one type
// Returns:    nothing
// Idempotent: yes; nodes that have the label already are not touched.
MATCH (ev:Event)
WHERE ev.id IN $ids AND NOT ev:__TYPE__
SET ev:__TYPE__
