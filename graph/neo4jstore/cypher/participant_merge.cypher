// participant_merge: link events to the entities taking part in them,
// recording which articles report each link. Both ends must exist (they
// are merged earlier in the same transaction).
//
// Params:     $rows LIST<MAP> of
//               event   STRING  event id
//               entity  STRING  entity id
//               role    STRING  visitor, host, speaker, party, ...
//               article STRING  the article reporting it
// Returns:    linked INTEGER  rows whose two ends were found; fewer than
//                             the rows sent means a dangling id
// Idempotent: yes; one PARTICIPANT per (event, role, entity), whose
//             articles are the sorted union of the reporting articles
//             (DeleteArticle removes a link no other article reports).
UNWIND $rows AS row
MATCH (ev:Event {id: row.event})
MATCH (e:Entity {id: row.entity})
MERGE (ev)-[r:PARTICIPANT {role: row.role}]->(e)
WITH r, row, COLLECT {
  UNWIND coalesce(r.articles, []) + row.article AS a
  RETURN DISTINCT a ORDER BY a
} AS articles
FOREACH (_ IN CASE WHEN articles <> coalesce(r.articles, []) THEN [1] ELSE [] END |
  SET r.articles = articles)
RETURN count(*) AS linked
