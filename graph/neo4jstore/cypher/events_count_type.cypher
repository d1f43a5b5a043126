// events_count_type: how many events carry one type label, read from the
// counts Neo4j keeps per label rather than by scanning: the total of an
// events page whose filter names types and nothing else is the sum over
// its types. The label __TYPE__ is replaced by withLabel with the label of
// an event type (labels.go), or with Event for every event.
//
// Params:     none
// Returns:    total INTEGER
// Idempotent: yes (reads only)
MATCH (ev:__TYPE__)
RETURN count(ev) AS total
