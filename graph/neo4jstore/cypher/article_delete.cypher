// article_delete: delete an article with its mentions, then the entities
// left without any mention, participation or relation among those it
// mentioned and the given ones.
//
// Params:     $id       STRING        the article's id
//             $entities LIST<STRING>  other entities to check: participants
//                                     of its events, ends of its relations
// Returns:    deleted LIST<STRING>  ids of the entities deleted
// Idempotent: yes; without the article it deletes nothing.
MATCH (a:Article {id: $id})
WITH a, COLLECT { MATCH (e:Entity)-[:MENTIONED_IN]->(a) RETURN DISTINCT e.id } + $entities AS ids
DETACH DELETE a
WITH DISTINCT ids
UNWIND ids AS eid
MATCH (e:Entity {id: eid})
WHERE NOT EXISTS { (e)-[:MENTIONED_IN]->() }
  AND NOT EXISTS { ()-[:PARTICIPANT]->(e) }
  AND NOT EXISTS { (e)-[:RELATED]-() }
WITH DISTINCT e, e.id AS id
DETACH DELETE e
RETURN collect(id) AS deleted
