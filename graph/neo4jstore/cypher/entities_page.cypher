// entities_page: one page of the entities of one type matching a filter,
// in (name, id) order after a keyset position, with the number of all
// matches.
//
// Params:     $type          STRING          Country, Person, Organization, Place, Region
//             $countries     LIST<STRING>    ISO3 codes: the entity's own (a country)
//                                            or its country; empty: any
//             $organizations LIST<STRING>    organization ids: the entity is an
//                                            official (OFFICIAL_OF), part (PART_OF)
//                                            or member (MEMBER_OF) of one; empty: any
//             $text          STRING or null  full-text query over entity_names
//             $afterName     STRING or null  keyset: the name of the last row seen
//             $afterID       STRING          keyset: the id of the last row seen
//             $limit         INTEGER         rows to return (page size + 1)
// Returns:    one row: total INTEGER, page LIST<NODE> in order
// Idempotent: yes (reads only)
WITH CASE WHEN $text IS NULL THEN null ELSE COLLECT {
  CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node
  RETURN node.id
} END AS hits
MATCH (n:Entity)
WHERE n.type = $type
  AND (hits IS NULL OR n.id IN hits)
  AND (size($countries) = 0 OR n.country IN $countries OR (n:Country AND n.iso3 IN $countries))
  AND (size($organizations) = 0 OR EXISTS {
    MATCH (n)-[r:RELATED]->(o:Organization)
    WHERE o.id IN $organizations AND r.type IN ['OFFICIAL_OF', 'PART_OF', 'MEMBER_OF']
  })
WITH n, coalesce(n.name, n.id) AS name
ORDER BY name, n.id
WITH collect({n: n, name: name}) AS rows
RETURN size(rows) AS total, [r IN rows
  WHERE $afterName IS NULL OR r.name > $afterName OR (r.name = $afterName AND r.n.id > $afterID)
  | r.n][0..$limit] AS page
