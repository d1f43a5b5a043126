// entity_split: give the entity $id's mentions in $articles, and its
// participations and relations those articles report, to a new entity
// $newID of the same type named $newName (with $id's name as an alias).
// A participation or relation that other articles report too stays with
// $id for them and is copied to $newID for the given ones. The type label
// is added afterwards by entity_label.
//
// Params:     $id       STRING        the entity to split
//             $newID    STRING        the new entity's id (must not exist)
//             $newName  STRING        its name
//             $nameKey  STRING or null  graph.NameKey of $newName, for persons
//             $articles LIST<STRING>  the articles that name the new entity
// Returns:    new NODE; no row when $id is missing
// Idempotent: no: it creates $newID (a second run fails on the constraint).
MATCH (old:Entity {id: $id})
CREATE (new:Entity {id: $newID, type: old.type, name: $newName})
SET new.aliases = CASE WHEN old.name <> $newName THEN [old.name] END,
    new.nameKey = $nameKey
WITH old, new
CALL (old, new) {
  MATCH (old)-[m:MENTIONED_IN]->(a:Article)
  WHERE a.id IN $articles
  CREATE (new)-[:MENTIONED_IN {start: m.start, end: m.end}]->(a)
  DELETE m
}
CALL (old, new) {
  MATCH (ev:Event)-[p:PARTICIPANT]->(old)
  WITH ev, p, coalesce(p.articles, COLLECT { MATCH (ev)-[:EVIDENCE]->(a:Article) RETURN DISTINCT a.id }) AS arts
  WITH ev, p, [x IN arts WHERE x IN $articles] AS moving, [x IN arts WHERE NOT x IN $articles] AS staying
  WHERE size(moving) > 0
  CREATE (ev)-[q:PARTICIPANT {role: p.role, articles: moving}]->(new)
  SET q.groups = p.groups, q.sectors = p.sectors
  FOREACH (_ IN CASE WHEN size(staying) = 0 THEN [1] ELSE [] END | DELETE p)
  FOREACH (_ IN CASE WHEN size(staying) > 0 THEN [1] ELSE [] END | SET p.articles = staying)
}
CALL (old, new) {
  MATCH (old)-[r:RELATED]-(other:Entity)
  WHERE other <> old
  WITH r, other, startNode(r) = old AS out,
       coalesce(r.articles, [x IN coalesce(r.evidence, []) | split(x, '[')[0]]) AS arts
  WITH r, other, out, [x IN arts WHERE x IN $articles] AS moving, [x IN arts WHERE NOT x IN $articles] AS staying,
       [x IN coalesce(r.evidence, []) WHERE any(a IN $articles WHERE x STARTS WITH a + '[')] AS movingSpans,
       [x IN coalesce(r.evidence, []) WHERE none(a IN $articles WHERE x STARTS WITH a + '[')] AS stayingSpans
  WHERE size(moving) > 0
  FOREACH (_ IN CASE WHEN out THEN [1] ELSE [] END |
    CREATE (new)-[:RELATED {type: r.type, role: r.role, date: r.date, articles: moving,
                            evidence: CASE WHEN size(movingSpans) > 0 THEN movingSpans END}]->(other))
  FOREACH (_ IN CASE WHEN out THEN [] ELSE [1] END |
    CREATE (other)-[:RELATED {type: r.type, role: r.role, date: r.date, articles: moving,
                              evidence: CASE WHEN size(movingSpans) > 0 THEN movingSpans END}]->(new))
  FOREACH (_ IN CASE WHEN size(staying) = 0 THEN [1] ELSE [] END | DELETE r)
  FOREACH (_ IN CASE WHEN size(staying) > 0 THEN [1] ELSE [] END |
    SET r.articles = staying, r.evidence = CASE WHEN size(stayingSpans) > 0 THEN stayingSpans END)
}
RETURN new
