// event_candidates: for each event of a batch, the stored events it may
// be a report of: the one with its id; those of its type that already
// hold evidence from the row's article (where an earlier ingest filed it); and
// those of its type whose [from, to] meets the given window and that have
// one of the seed entities as a participant (its participants and their
// countries). Ingest decides with graph.PickEvent.
//
// Params:     $rows LIST<MAP> of
//               article STRING    the batch's article id
//               id    STRING        the batch's id for the event
//               type  STRING        Visit, Meeting, ...
//               from  DATE or null  the event's first day less the widest slack;
//                                   null: look up the id only (an undated event)
//               to    DATE or null  its last day plus the widest slack
//               seeds LIST<STRING>  ids of its identifying participants and
//                                   of their countries (country:RUS)
// Returns:    article STRING, key STRING (the row's id), ev NODE,
//             participants LIST<MAP{role, id, type, country}> where country
//               is the ISO3 the entity is (countries) or belongs to,
//             evidence LIST<MAP{start, end, reports}> ev's evidence in
//               row.article, with the extractor ids of the reports filed there
//               (null on evidence stored before reports were recorded);
//             ordered by key, then ev.id
// Idempotent: yes (reads only)
UNWIND $rows AS row
CALL (row) {
  MATCH (ev:Event {id: row.id})
  RETURN ev
  UNION
  MATCH (:Article {id: row.article})<-[:EVIDENCE]-(ev:Event)
  WHERE ev.type = row.type
  RETURN ev
  UNION
  MATCH (seed:Entity) WHERE seed.id IN row.seeds
  MATCH (ev:Event)-[:PARTICIPANT]->(seed)
  WHERE row.from IS NOT NULL AND ev.type = row.type
    AND ev.from <= row.to AND ev.to >= row.from
  RETURN ev
}
RETURN row.article AS article, row.id AS key, ev,
  COLLECT {
    MATCH (ev)-[p:PARTICIPANT]->(e:Entity)
    RETURN {role: p.role, id: e.id, type: e.type, country: coalesce(e.iso3, e.country)} AS part
    ORDER BY part.role, part.id
  } AS participants,
  COLLECT {
    MATCH (ev)-[r:EVIDENCE]->(:Article {id: row.article})
    RETURN {start: r.start, end: r.end, reports: r.reports} AS x
    ORDER BY x.start, x.end
  } AS evidence
ORDER BY article, key, ev.id
