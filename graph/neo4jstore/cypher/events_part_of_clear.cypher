// events_part_of_clear: forget part-of links to deleted events.
//
// Params:     $ids LIST<STRING>  ids of deleted events
// Returns:    cleared INTEGER  events whose partOf was removed
// Idempotent: yes
MATCH (ev:Event)
WHERE ev.partOf IN $ids
REMOVE ev.partOf
RETURN count(ev) AS cleared
