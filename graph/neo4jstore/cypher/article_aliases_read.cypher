// article_aliases_read: what DeleteArticle needs to take back the names a
// deleted article gave entities: each entity's aliases, whether an
// analyst's decision touched it, and the articles besides the deleted one
// that speak of it (mention it, report its events or its relations) with
// the names they give it (provenance.go).
//
// Params:     $id       STRING        the deleted article
//             $entities LIST<STRING>  the entities it gave names to
// Returns:    id      STRING
//             aliases LIST<STRING>
//             curated BOOLEAN     a merge or split names the entity
//             reports LIST<MAP>   {article STRING, claims LIST<STRING> or null
//                                 when the article has none recorded}: its
//                                 alias claims about the entity
// Idempotent: yes (reads only)
UNWIND $entities AS eid
MATCH (e:Entity {id: eid})
RETURN e.id AS id, coalesce(e.aliases, []) AS aliases,
  EXISTS { MATCH (c:Curation) WHERE c.from = e.id OR c.to = e.id } AS curated,
  COLLECT {
    CALL (e) {
      MATCH (e)-[:MENTIONED_IN]->(a:Article) RETURN a
      UNION
      MATCH (e)<-[:PARTICIPANT]-(:Event)-[:EVIDENCE]->(a:Article) RETURN a
      UNION
      MATCH (e)-[r:RELATED]-(:Entity)
      UNWIND coalesce(r.articles, []) AS aid
      MATCH (a:Article {id: aid}) RETURN a
    }
    WITH DISTINCT a
    WHERE a.id <> $id
    RETURN {article: a.id, claims: CASE WHEN a.claims IS NULL THEN null ELSE
      [c IN a.claims WHERE c STARTS WITH 'alias\t' + e.id + '\t'] END}
  } AS reports
