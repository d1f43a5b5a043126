// event_candidates: for each event of a batch, the stored events it may
// be a report of: the one with its id; those of its type that already
// hold evidence from the row's article (where an earlier ingest filed it).
// The third way, those of its type whose [from, to] meets its window and
// that have one of its seed entities as a participant (its identifying
// participants and their countries), is events_by_seed, once for a whole
// round. Ingest decides with graph.PickEvent.
//
// Params:     $rows LIST<MAP> of
//               article STRING      the batch's article id
//               id      STRING      the batch's id for the event
//               type    STRING      Visit, Meeting, ...
// Returns:    article STRING, key STRING (the row's id), ev NODE,
//             participants LIST<MAP{role, id, type, country}> where country
//               is the ISO3 the entity is (countries) or belongs to,
//             evidence LIST<MAP{start, end, reports}> ev's evidence in
//               row.article, with the extractor ids of the reports filed there
//               (null on evidence stored before reports were recorded);
//             ordered by article, key, then ev.id
// Idempotent: yes (reads only)
// Plan:       the hint starts the second branch from the article by id:
//             with the values in rows rather than in parameters, the
//             planner would otherwise scan the event indexes once per row
//             (checked with PROFILE: millions of db hits for a batch).
UNWIND $rows AS row
CALL (row) {
  MATCH (ev:Event {id: row.id})
  RETURN ev
  UNION
  MATCH (a:Article {id: row.article})<-[:EVIDENCE]-(ev:Event)
  USING INDEX a:Article(id)
  WHERE ev.type = row.type
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
