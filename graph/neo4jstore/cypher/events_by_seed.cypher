// events_by_seed: the stored events that have one of the seeds of a batch
// as a participant, are of one of the types asked of that seed and meet
// its window: the third way event_candidates finds candidates, asked once
// per seed of a whole batch rather than once per event (a country's events
// are many), and matched to each event's own type and window in Go.
//
// Params:     $seeds LIST<MAP> of
//               id    STRING        an entity id (country:RUS, person:...)
//               types LIST<STRING>  event types asked of it
//               from  DATE          the earliest day of the windows asked
//               to    DATE          the latest
// Returns:    seed STRING, id STRING, type STRING, from DATE, to DATE: one
//             row per (seed, event)
// Idempotent: yes (reads only)
// Plan:       starts from the seed by id (the hint: with the values in rows,
//             the planner would otherwise scan the event indexes)
UNWIND $seeds AS s
MATCH (seed:Entity {id: s.id})<-[:PARTICIPANT]-(ev:Event)
USING INDEX seed:Entity(id)
WHERE ev.type IN s.types AND ev.from <= s.to AND ev.to >= s.from
RETURN DISTINCT s.id AS seed, ev.id AS id, ev.type AS type, ev.from AS from, ev.to AS to
