// stats: what the graph holds, counted.
//
// Params:     none
// Returns:    kind STRING (article, entity, event, year, relation), key
//             STRING (the type, or the year events begin), n INTEGER;
//             ordered by kind, key
// Idempotent: yes (reads only)
CALL () {
  MATCH (a:Article)
  RETURN 'article' AS kind, 'Article' AS key, count(a) AS n
  UNION ALL
  MATCH (e:Entity)
  RETURN 'entity' AS kind, e.type AS key, count(*) AS n
  UNION ALL
  MATCH (ev:Event)
  RETURN 'event' AS kind, ev.type AS key, count(*) AS n
  UNION ALL
  MATCH (ev:Event)
  RETURN 'year' AS kind, toString(ev.from.year) AS key, count(*) AS n
  UNION ALL
  MATCH (:Entity)-[r:RELATED]->(:Entity)
  RETURN 'relation' AS kind, r.type AS key, count(*) AS n
}
RETURN kind, key, n
ORDER BY kind, key
