// entity_merge_into: merge the entity $drop into $keep: every
// participation, mention and relation of drop moves to keep, events
// attributed to drop are attributed to keep, drop's name and aliases
// become keep's aliases, keep's empty properties are filled from drop,
// and drop is deleted. Both must exist (the caller checks, and their
// types).
//
// Params:     $keep STRING, $drop STRING  entity ids
// Returns:    keep NODE; no row when either is missing
// Idempotent: no: drop is gone afterwards (a second run returns no row).
MATCH (keep:Entity {id: $keep})
MATCH (drop:Entity {id: $drop})
CALL (keep, drop) {
  MATCH (ev:Event)-[p:PARTICIPANT]->(drop)
  MERGE (ev)-[q:PARTICIPANT {role: p.role}]->(keep)
  SET q.articles = COLLECT {
    UNWIND coalesce(q.articles, []) + coalesce(p.articles, []) AS x
    RETURN DISTINCT x ORDER BY x
  }
  WITH p, q, COLLECT {
    UNWIND coalesce(q.groups, []) + coalesce(p.groups, []) AS x
    RETURN DISTINCT x ORDER BY x
  } AS groups, COLLECT {
    UNWIND coalesce(q.sectors, []) + coalesce(p.sectors, []) AS x
    RETURN DISTINCT x ORDER BY x
  } AS sectors
  FOREACH (_ IN CASE WHEN size(groups) > 0 THEN [1] ELSE [] END | SET q.groups = groups, q.sectors = sectors)
  DELETE p
}
CALL (keep, drop) {
  MATCH (drop)-[m:MENTIONED_IN]->(a:Article)
  MERGE (keep)-[:MENTIONED_IN {start: m.start, end: m.end}]->(a)
  DELETE m
}
CALL (keep, drop) {
  MATCH (drop)-[r:RELATED]->(t:Entity)
  WHERE t <> keep
  MERGE (keep)-[n:RELATED {type: r.type}]->(t)
  SET n.role = coalesce(n.role, r.role), n.date = coalesce(n.date, r.date),
      n.evidence = COLLECT { UNWIND coalesce(n.evidence, []) + coalesce(r.evidence, []) AS x RETURN DISTINCT x ORDER BY x },
      n.articles = COLLECT { UNWIND coalesce(n.articles, []) + coalesce(r.articles, []) AS x RETURN DISTINCT x ORDER BY x }
  DELETE r
}
CALL (keep, drop) {
  MATCH (s:Entity)-[r:RELATED]->(drop)
  WHERE s <> keep
  MERGE (s)-[n:RELATED {type: r.type}]->(keep)
  SET n.role = coalesce(n.role, r.role), n.date = coalesce(n.date, r.date),
      n.evidence = COLLECT { UNWIND coalesce(n.evidence, []) + coalesce(r.evidence, []) AS x RETURN DISTINCT x ORDER BY x },
      n.articles = COLLECT { UNWIND coalesce(n.articles, []) + coalesce(r.articles, []) AS x RETURN DISTINCT x ORDER BY x }
  DELETE r
}
CALL (keep, drop) {
  MATCH (ev:Event {attribution: drop.id})
  SET ev.attribution = keep.id
}
SET keep.aliases = COLLECT {
      UNWIND coalesce(keep.aliases, []) + [drop.name] + coalesce(drop.aliases, []) AS x
      WITH x WHERE x IS NOT NULL AND x <> keep.name
      RETURN DISTINCT x ORDER BY x
    },
    keep.country = coalesce(keep.country, drop.country),
    keep.title = coalesce(keep.title, drop.title),
    keep.iso2 = coalesce(keep.iso2, drop.iso2),
    keep.iso3 = coalesce(keep.iso3, drop.iso3)
DETACH DELETE drop
RETURN keep
