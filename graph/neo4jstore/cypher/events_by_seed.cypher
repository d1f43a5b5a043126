// events_by_seed: the stored events that have one of the seeds of a round
// as a participant, are of one of the types asked of that seed and meet
// its window, each once, with its participants: the third way Ingest finds
// candidates for an event (see event_candidates), asked once per seed of
// a whole round rather than once per event (a country takes part in many
// events, and many events of a round have the same seeds), and matched to
// each event's own type, window and seeds in Go.
//
// Params:     $seeds LIST<MAP> of
//               id    STRING        an entity id (country:RUS, person:...)
//               types LIST<STRING>  event types asked of it
//               from  DATE          the earliest day of the windows asked
//               to    DATE          the latest
// Returns:    seeds LIST<STRING> the seeds it was found through, key STRING
//             (empty), ev NODE, participants LIST<MAP{role, id, type,
//             country}> as event_candidates returns them, evidence (an
//             empty list); ordered by ev.id
// Idempotent: yes (reads only)
// Plan:       starts from the seed by id (the hint: with the values in rows,
//             the planner would otherwise scan the event indexes)
UNWIND $seeds AS s
MATCH (seed:Entity {id: s.id})<-[:PARTICIPANT]-(ev:Event)
USING INDEX seed:Entity(id)
WHERE ev.type IN s.types AND ev.from <= s.to AND ev.to >= s.from
WITH ev, collect(DISTINCT s.id) AS seeds
RETURN seeds, "" AS key, ev,
  COLLECT {
    MATCH (ev)-[p:PARTICIPANT]->(e:Entity)
    RETURN {role: p.role, id: e.id, type: e.type, country: coalesce(e.iso3, e.country)} AS part
    ORDER BY part.role, part.id
  } AS participants,
  [] AS evidence
ORDER BY ev.id
