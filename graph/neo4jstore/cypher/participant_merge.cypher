// participant_merge: link events to the entities taking part in them,
// recording which articles report each link. Both ends must exist (they
// are merged earlier in the same transaction).
//
// Params:     $rows LIST<MAP> of
//               event   STRING  event id
//               entity  STRING  entity id
//               role    STRING  visitor, host, speaker, party, ...
//               article STRING  the article reporting it
//               groups  LIST<STRING>  groups the article names for a
//                                     country ("gunmen"), maybe empty
//               sectors LIST<STRING>  their CAMEO sectors, maybe empty
// Returns:    linked INTEGER  rows whose two ends were found; fewer than
//                             the rows sent means a dangling id
// Idempotent: yes; one PARTICIPANT per (event, role, entity), whose
//             articles, groups and sectors are the sorted unions of what
//             the reporting articles say (DeleteArticle removes a link no
//             other article reports).
UNWIND $rows AS row
MATCH (ev:Event {id: row.event})
MATCH (e:Entity {id: row.entity})
MERGE (ev)-[r:PARTICIPANT {role: row.role}]->(e)
WITH r, row, COLLECT {
  UNWIND coalesce(r.articles, []) + row.article AS a
  RETURN DISTINCT a ORDER BY a
} AS articles, COLLECT {
  UNWIND coalesce(r.groups, []) + coalesce(row.groups, []) AS g
  RETURN DISTINCT g ORDER BY g
} AS groups, COLLECT {
  UNWIND coalesce(r.sectors, []) + coalesce(row.sectors, []) AS x
  RETURN DISTINCT x ORDER BY x
} AS sectors
FOREACH (_ IN CASE WHEN articles <> coalesce(r.articles, []) THEN [1] ELSE [] END |
  SET r.articles = articles)
FOREACH (_ IN CASE WHEN size(groups) > 0 AND groups <> coalesce(r.groups, []) THEN [1] ELSE [] END |
  SET r.groups = groups)
FOREACH (_ IN CASE WHEN size(sectors) > 0 AND sectors <> coalesce(r.sectors, []) THEN [1] ELSE [] END |
  SET r.sectors = sectors)
RETURN count(*) AS linked
