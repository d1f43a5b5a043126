// export_selection_relations: the relations between entities of an
// export, from a page of its entities to any entity that takes part in
// the events matching the filter (as export_selection_entities selects
// them), so each relation comes once, with the page of its source.
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
//             $all           BOOLEAN         the filter is empty: every one
//                                           is selected, taking part or not
//             $ids           LIST<STRING>    ids of the source entities, a page
//                                           of export_selection_entities
// Returns:    source STRING, type STRING, target STRING, role STRING or
//             null, date STRING or null, evidence LIST<STRING> or null
//             ("<article>[<start>:<end>]"); ordered by source, type, target
// (The relation is rel, not r: the filter's own r is another.)
// Idempotent: yes (reads only)
WITH CASE WHEN $text IS NULL THEN null ELSE COLLECT {
  CALL db.index.fulltext.queryNodes('event_text', $text) YIELD node
  RETURN node.id
} END AS hits
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[rel:RELATED]->(e:Entity)
WHERE ($all OR EXISTS {
  MATCH (ev:Event)-[:PARTICIPANT]->(e)
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
})
RETURN s.id AS source, rel.type AS type, e.id AS target,
       rel.role AS role, rel.date AS date, rel.evidence AS evidence
ORDER BY source, type, target
