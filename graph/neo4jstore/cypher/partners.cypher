// partners: with whom an entity took part in events matching the filter,
// ranked. The entity's own side is not its partner: itself, what belongs
// to it when it is a country (people, bodies and places whose country it
// is) and what is its official, part or place (OFFICIAL_OF, PART_OF,
// LOCATED_IN). With $byCountry,
// a person or organization of a country counts as that country.
//
// Params:     the filter (graph.EventFilter); an empty list does not filter:
//             $types         LIST<STRING>   event types
//             $modalities    LIST<STRING>
//             $cameoRoots    LIST<STRING>   two-digit CAMEO roots
//             $cameoCodes    LIST<STRING>   CAMEO code prefixes
//             $quadClasses   LIST<INTEGER>  1..4
//             $from          DATE or null   events ending on or after it
//             $to            DATE or null   events starting on or before it
//             $dated         BOOLEAN or null only events with (true) or without
//                                           (false) a known date
//             $actors        LIST<STRING>   participant ids
//             $countries     LIST<STRING>   ISO3: the country, or a person or
//                                           organization of it, takes part
//             $organizations LIST<STRING>   the organization, or an official
//                                           of it, takes part
//             $places        LIST<STRING>   the place, or a place within it
//                                           (LOCATED_IN), takes part
//             $involving     LIST<STRING>   entity ids that must ALL take
//                                           part, directly or through their
//                                           people, officials or places
//             $sources       LIST<STRING>   lower-case publishers of an
//                                           article reporting the event
//             $text          STRING or null full-text query (Lucene syntax)
//                                           over the event_text index
//             $entity        STRING          the entity whose partners to rank
//             $anchors       LIST<STRING>    $entity and any other entity that
//                                            must take part ($involving is then
//                                            empty)
//             $byCountry     BOOLEAN
//             $partnerTypes  LIST<STRING>    keep partners of these entity types;
//                                            empty: all
//             $order         STRING          count (most events first), cooperation
//                                            (highest mean Goldstein first), conflict
//                                            (lowest first), recent (latest first);
//                                            ties by events, then id
//             $limit         INTEGER         rows to return
// Returns:    id STRING (the partner), events INTEGER, coded INTEGER, goldstein
//             FLOAT (sum over coded events), first DATE, last DATE (the
//             from of the earliest and latest event), types LIST<STRING>
//             and quadClasses LIST<INTEGER> (one per event); in rank order
// Idempotent: yes (reads only)
WITH CASE WHEN $text IS NULL THEN null ELSE COLLECT {
  CALL db.index.fulltext.queryNodes('event_text', $text) YIELD node
  RETURN node.id
} END AS hits
WITH hits, $anchors AS anchors, size($anchors) AS need
// candidates:begin  (the events at least need of the anchors take part
// in; the same block is in events_involving, dyad and partners)
UNWIND anchors AS x
MATCH (e:Entity {id: x})
CALL (e) {
  MATCH (ev:Event)-[:PARTICIPANT]->(e)
  RETURN ev
  UNION
  MATCH (p:Entity)
  WHERE e:Country AND p.country = e.iso3 AND (p:Person OR p:Organization)
  MATCH (ev:Event)-[:PARTICIPANT]->(p)
  RETURN ev
  UNION
  MATCH (ev:Event)-[:PARTICIPANT]->(:Entity)-[r:RELATED]->(e)
  WHERE r.type = 'OFFICIAL_OF' OR (r.type = 'LOCATED_IN' AND NOT e:Country)
  RETURN ev
}
WITH ev, hits, need, count(DISTINCT e) AS n
WHERE n >= need
WITH ev, hits
// candidates:end
// filter:begin  (the same block is in every query with an event filter)
WHERE (hits IS NULL OR ev.id IN hits)
  AND (size($types) = 0 OR ev.type IN $types)
  AND (size($modalities) = 0 OR ev.modality IN $modalities)
  AND (size($cameoRoots) = 0 OR ev.cameoRoot IN $cameoRoots)
  AND (size($cameoCodes) = 0 OR any(c IN $cameoCodes WHERE ev.cameo STARTS WITH c))
  AND (size($quadClasses) = 0 OR ev.quadClass IN $quadClasses)
  AND ($from IS NULL OR ev.to >= $from)
  AND ($to IS NULL OR ev.from <= $to)
  AND ($dated IS NULL OR (ev.from IS NOT NULL) = $dated)
  AND (size($actors) = 0 OR EXISTS {
    MATCH (ev)-[:PARTICIPANT]->(p:Entity)
    WHERE p.id IN $actors
  })
  AND (size($countries) = 0 OR EXISTS {
    MATCH (ev)-[:PARTICIPANT]->(p:Entity)
    WHERE (p:Country AND p.iso3 IN $countries)
       OR ((p:Person OR p:Organization) AND p.country IN $countries)
  })
  AND (size($organizations) = 0 OR EXISTS {
    MATCH (ev)-[:PARTICIPANT]->(p:Entity)
    WHERE p.id IN $organizations
       OR EXISTS {
         MATCH (p)-[r:RELATED]->(o:Organization)
         WHERE r.type = 'OFFICIAL_OF' AND o.id IN $organizations
       }
  })
  AND (size($places) = 0 OR EXISTS {
    MATCH (ev)-[:PARTICIPANT]->(p:Entity)
    WHERE p.id IN $places
       OR EXISTS {
         MATCH (p)-[r:RELATED]->(o:Entity)
         WHERE r.type = 'LOCATED_IN' AND o.id IN $places
       }
  })
  AND all(x IN $involving WHERE EXISTS {
    MATCH (ev)-[:PARTICIPANT]->(p:Entity)
    WHERE p.id = x
       OR ((p:Person OR p:Organization) AND EXISTS {
         MATCH (c:Country {id: x})
         WHERE c.iso3 = p.country
       })
       OR EXISTS {
         MATCH (p)-[r:RELATED]->(o:Entity {id: x})
         WHERE r.type = 'OFFICIAL_OF' OR (r.type = 'LOCATED_IN' AND NOT o:Country)
       }
  })
  AND (size($sources) = 0 OR EXISTS {
    MATCH (ev)-[:EVIDENCE]->(a:Article)
    WHERE toLower(a.source) IN $sources
  })
// filter:end
MATCH (e:Entity {id: $entity})
MATCH (ev)-[:PARTICIPANT]->(p:Entity)
WHERE p <> e
  AND NOT (e:Country AND coalesce(p.country = e.iso3, false))
  AND NOT EXISTS {
    MATCH (p)-[r:RELATED]->(e)
    WHERE r.type IN ['OFFICIAL_OF', 'PART_OF', 'LOCATED_IN']
  }
OPTIONAL MATCH (c:Country {iso3: p.country})
WHERE $byCountry AND (p:Person OR p:Organization)
WITH DISTINCT ev, e, coalesce(c, p) AS partner
WHERE partner <> e AND (size($partnerTypes) = 0 OR partner.type IN $partnerTypes)
WITH partner, count(ev) AS events, count(ev.cameo) AS coded,
     sum(CASE WHEN ev.cameo IS NULL THEN 0.0 ELSE coalesce(ev.goldstein, 0.0) END) AS goldstein,
     min(ev.from) AS first, max(ev.from) AS last,
     collect(ev.type) AS types, collect(coalesce(ev.quadClass, 0)) AS quadClasses
WITH partner, events, coded, goldstein, first, last, types, quadClasses, CASE $order
    WHEN 'cooperation' THEN CASE WHEN coded = 0 THEN 1.0e9 ELSE -goldstein / coded END
    WHEN 'conflict' THEN CASE WHEN coded = 0 THEN 1.0e9 ELSE goldstein / coded END
    WHEN 'recent' THEN -toFloat(duration.inDays(date('1970-01-01'), last).days)
    ELSE -toFloat(events)
  END AS key
ORDER BY key, events DESC, partner.id
LIMIT $limit
RETURN partner.id AS id, events, coded, goldstein, first, last, types, quadClasses
