// events_page: one page of events matching a filter, in (from, id) order,
// after a keyset position. Each list filter matches any of its values; the
// filters combine with AND; a date range matches on overlap with [from, to].
//
// Params:     $types      LIST<STRING>  event types; empty: any
//             $countries  LIST<STRING>  ISO3 codes: a participant is that
//                                       country, or a person or organization
//                                       of it; empty: any
//             $actors     LIST<STRING>  participant entity ids; empty: any
//             $modalities LIST<STRING>  empty: any
//             $cameoRoots LIST<STRING>  empty: any
//             $from       DATE or null  events ending on or after it
//             $to         DATE or null  events starting on or before it
//             $afterFrom  DATE or null  keyset: the from of the last row seen
//             $afterID    STRING        keyset: the id of the last row seen
//             $limit      INTEGER       rows to return (page size + 1)
// Returns:    ev NODE, reports INTEGER (distinct articles with EVIDENCE)
// Idempotent: yes (reads only)
MATCH (ev:Event)
// filter:begin  (the same block is in events_page.cypher and events_count.cypher)
WHERE (size($types) = 0 OR ev.type IN $types)
  AND (size($modalities) = 0 OR ev.modality IN $modalities)
  AND (size($cameoRoots) = 0 OR ev.cameoRoot IN $cameoRoots)
  AND ($from IS NULL OR ev.to >= $from)
  AND ($to IS NULL OR ev.from <= $to)
  AND (size($actors) = 0 OR EXISTS {
    MATCH (ev)-[:PARTICIPANT]->(p:Entity)
    WHERE p.id IN $actors
  })
  AND (size($countries) = 0 OR EXISTS {
    MATCH (ev)-[:PARTICIPANT]->(p:Entity)
    WHERE (p:Country AND p.iso3 IN $countries)
       OR ((p:Person OR p:Organization) AND p.country IN $countries)
  })
// filter:end
  AND ($afterFrom IS NULL OR ev.from > $afterFrom
       OR (ev.from = $afterFrom AND ev.id > $afterID))
WITH ev
ORDER BY ev.from, ev.id
LIMIT $limit
RETURN ev, size(COLLECT {
  MATCH (ev)-[:EVIDENCE]->(a:Article)
  RETURN DISTINCT a.id
}) AS reports
ORDER BY ev.from, ev.id
