// article_delete_relations: take an article's support off the relations
// of the entities it mentions or whose events it reported. A relation
// no other article supports is deleted; the others lose the article's id
// from articles and its spans from evidence. (A relation stored before
// relations recorded their articles counts as supported by the articles
// of its evidence.)
//
// Params:     $id       STRING        the article's id
//             $entities LIST<STRING>  ids of the participants of its events
// Returns:    deleted INTEGER       relations deleted
//             ends LIST<STRING>     ids of their ends, for the orphan check
// Idempotent: yes
MATCH (a:Article {id: $id})
UNWIND COLLECT { MATCH (e:Entity)-[:MENTIONED_IN]->(a) RETURN DISTINCT e.id } + $entities AS eid
MATCH (:Entity {id: eid})-[r:RELATED]-(:Entity)
WITH DISTINCT r
WITH r, startNode(r).id AS s, endNode(r).id AS t,
     [x IN coalesce(r.articles, []) WHERE x <> $id] AS rest,
     [x IN coalesce(r.evidence, []) WHERE NOT x STARTS WITH $id + '['] AS spans
WHERE $id IN coalesce(r.articles, []) OR size(spans) < size(coalesce(r.evidence, []))
WITH r, s, t, rest, spans, size(rest) = 0 AND size(spans) = 0 AS unsupported
FOREACH (_ IN CASE WHEN unsupported THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN unsupported THEN [] ELSE [1] END |
  SET r.articles = CASE WHEN size(rest) = 0 THEN null ELSE rest END,
      r.evidence = CASE WHEN size(spans) = 0 THEN null ELSE spans END)
RETURN count(CASE WHEN unsupported THEN 1 END) AS deleted,
       reduce(acc = [], x IN collect(CASE WHEN unsupported THEN [s, t] END) | acc + x) AS ends
