// export_selection_unpublished: how many of the articles of an export's
// selection (those with evidence for the events matching a filter; every
// article when the filter is empty) are unpublished: without a
// publication date, or published after now (a release ingested before
// its embargo ends). GET /export needs an API key for such a selection
// when keys are configured.
//
// Params:     the filter (graph.EventFilter), as export_selection_articles:
//             $types, $modalities, $cameoRoots, $cameoCodes, $quadClasses,
//             $from, $to, $dated, $actors, $countries, $organizations,
//             $places, $involving, $sources, $text, $all
//             $now   DATETIME  the time of the request
//             $today STRING    its day, YYYY-MM-DD (articles dated by day
//                              only are published on that day)
// Returns:    unpublished INTEGER
// (The article is art, not a: the filter's own a is another article.)
// Idempotent: yes (reads only)
WITH CASE WHEN $text IS NULL THEN null ELSE COLLECT {
  CALL db.index.fulltext.queryNodes('event_text', $text) YIELD node
  RETURN node.id
} END AS hits
MATCH (art:Article)
WHERE (CASE WHEN art.publishedAt IS NOT NULL THEN art.publishedAt > $now
            ELSE coalesce(left(art.published, 10), '') = '' OR left(art.published, 10) > $today END)
  AND ($all OR EXISTS {
  MATCH (ev:Event)-[:EVIDENCE]->(art)
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
RETURN count(art) AS unpublished
