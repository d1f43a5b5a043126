// person_candidates: for each person of a batch, the stored entity with
// its id and the stored persons that may be the same one under another
// spelling: the same country and the same name key (graph.NameKey, kept
// as nameKey on every :Person), and the stored persons that already hold
// its mentions in the row's article (where an earlier ingest filed it).
// Ingest decides with graph.PickPerson.
//
// Params:     $rows LIST<MAP> of
//               article STRING          the batch's article id
//               id      STRING          the batch's id for the entity
//               key     STRING or null  graph.NameKey of its name
//               country STRING or null  ISO3 of its country; without key and
//                                       country, no candidates are looked up
//               spans   LIST<LIST<INTEGER>>  [start, end] of its mentions in
//                                       its article
// Returns:    article STRING, id STRING (the row's), same NODE or null,
//             candidates LIST<NODE> ordered by id, without same,
//             anchored LIST<NODE> ordered by id
// Idempotent: yes (reads only)
// Plan:       the hints start from the name key and the article: with the
//             values in rows rather than in parameters, the planner may
//             otherwise scan once per row (checked with PROFILE).
UNWIND $rows AS row
OPTIONAL MATCH (same:Entity {id: row.id})
RETURN row.article AS article, row.id AS id, same, COLLECT {
  MATCH (p:Person {nameKey: row.key})
  USING INDEX p:Person(nameKey)
  WHERE p.country = row.country AND p.id <> row.id
  RETURN p ORDER BY p.id
} AS candidates, COLLECT {
  MATCH (p:Person)-[m:MENTIONED_IN]->(a:Article {id: row.article})
  USING INDEX a:Article(id)
  WHERE [m.start, m.end] IN row.spans
  RETURN DISTINCT p ORDER BY p.id
} AS anchored
