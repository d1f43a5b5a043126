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
//               batch   STRING  the article whose batch the row is
// Returns:    linked INTEGER  rows whose two ends were found; fewer than
//                             the rows sent means a dangling id,
//             changed LIST<STRING>  the batches whose rows changed something
// Idempotent: yes; one PARTICIPANT per (event, role, entity), whose
//             articles, groups and sectors are the sorted unions of what
//             the reporting articles say (DeleteArticle removes a link no
//             other article reports). Each row runs in a subquery of its
//             own, so it sees the rows before it.
UNWIND $rows AS row
CALL (row) {
  MATCH (ev:Event {id: row.event})
  MATCH (e:Entity {id: row.entity})
  OPTIONAL MATCH (ev)-[old:PARTICIPANT {role: row.role}]->(e)
  WITH ev, e, row, old IS NULL AS created
  MERGE (ev)-[r:PARTICIPANT {role: row.role}]->(e)
  WITH r, row, created, COLLECT {
    UNWIND coalesce(r.articles, []) + row.article AS a
    RETURN DISTINCT a ORDER BY a
  } AS articles, COLLECT {
    UNWIND coalesce(r.groups, []) + coalesce(row.groups, []) AS g
    RETURN DISTINCT g ORDER BY g
  } AS groups, COLLECT {
    UNWIND coalesce(r.sectors, []) + coalesce(row.sectors, []) AS x
    RETURN DISTINCT x ORDER BY x
  } AS sectors
  WITH r, row, created, articles, groups, sectors,
       articles <> coalesce(r.articles, []) AS newArticles,
       size(groups) > 0 AND groups <> coalesce(r.groups, []) AS newGroups,
       size(sectors) > 0 AND sectors <> coalesce(r.sectors, []) AS newSectors
  FOREACH (_ IN CASE WHEN newArticles THEN [1] ELSE [] END | SET r.articles = articles)
  FOREACH (_ IN CASE WHEN newGroups THEN [1] ELSE [] END | SET r.groups = groups)
  FOREACH (_ IN CASE WHEN newSectors THEN [1] ELSE [] END | SET r.sectors = sectors)
  RETURN created OR newArticles OR newGroups OR newSectors AS changed
}
RETURN count(*) AS linked, collect(DISTINCT CASE WHEN changed THEN row.batch END) AS changed
