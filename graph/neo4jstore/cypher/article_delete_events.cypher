// article_delete_events: take an article's evidence off the events it
// reports. Events no other article reports are deleted; the others lose
// the article's evidence and the participants only it gave.
//
// Params:     $id STRING  the article's id
// Returns:    deleted LIST<STRING>   ids of the events deleted
//             kept LIST<STRING>      ids of the events other articles report
//             entities LIST<STRING>  ids of the participants of both (with
//                                    repeats), for the orphan check
// Idempotent: yes; a second run finds no evidence left and returns empty
//             lists.
MATCH (:Article {id: $id})<-[r:EVIDENCE]-(ev:Event)
DELETE r
WITH DISTINCT ev
WITH ev, ev.id AS id,
     EXISTS { (ev)-[:EVIDENCE]->(:Article) } AS reported,
     COLLECT { MATCH (ev)-[:PARTICIPANT]->(e:Entity) RETURN e.id } AS entities
CALL (ev, reported) {
  MATCH (ev)-[p:PARTICIPANT]->(:Entity)
  WHERE reported AND $id IN coalesce(p.articles, [])
  WITH p, [x IN p.articles WHERE x <> $id] AS rest
  FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET p.articles = rest)
  FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE p)
}
FOREACH (_ IN CASE WHEN reported THEN [] ELSE [1] END | DETACH DELETE ev)
RETURN collect(CASE WHEN NOT reported THEN id END) AS deleted,
       collect(CASE WHEN reported THEN id END) AS kept,
       reduce(acc = [], l IN collect(entities) | acc + l) AS entities
