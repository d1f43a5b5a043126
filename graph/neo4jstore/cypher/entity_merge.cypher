// entity_merge: create or update entities, merged on our stable id. The
// type label is added afterwards by entity_label.
//
// Params:     $rows LIST<MAP> of
//               id      STRING        country:AZE, person:sergey-lavrov, ...
//               type    STRING        Country, Person, Organization, Place, Region
//               props   MAP           name, iso3, iso2, country, title; empty
//                                     values are left out, so they never erase
//               aliases LIST<STRING>  merged into the stored aliases
//               batch   STRING        the article whose batch the row is
// Returns:    conflicts LIST<STRING>  ids already stored with another type,
//             changed LIST<STRING>    the batches whose rows changed something
// Idempotent: yes, also across articles: every property is set ON CREATE;
//             on a match only properties the node lacks are SET (the first
//             report names an entity; later ones fill gaps, so re-ingesting
//             any article changes nothing). Aliases are the sorted union of
//             stored and new ones. type never changes. Each row runs in a
//             subquery of its own, so rows of many articles in one call
//             give what one call per article in their order gives.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (old:Entity {id: row.id})
  WITH row, old IS NULL AS created
  MERGE (n:Entity {id: row.id})
    ON CREATE SET n += row.props, n.type = row.type
  WITH n, row, created, [k IN keys(row.props) WHERE n[k] IS NULL] AS gaps
  FOREACH (k IN gaps | SET n[k] = row.props[k])
  WITH n, row, created, gaps, COLLECT {
    UNWIND coalesce(n.aliases, []) + row.aliases AS alias
    RETURN DISTINCT alias ORDER BY alias
  } AS aliases
  WITH n, row, aliases, created OR size(gaps) > 0 OR aliases <> coalesce(n.aliases, []) AS changed
  FOREACH (_ IN CASE WHEN aliases <> coalesce(n.aliases, []) THEN [1] ELSE [] END |
    SET n.aliases = aliases)
  RETURN n.type <> row.type AS conflict, changed
}
RETURN collect(CASE WHEN conflict THEN row.id END) AS conflicts,
       collect(DISTINCT CASE WHEN changed THEN row.batch END) AS changed
