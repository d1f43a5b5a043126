// events_count: how many events match a filter (the totalCount of
// events_page, which has the same filter).
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
// Returns:    total INTEGER
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
RETURN count(ev) AS total
