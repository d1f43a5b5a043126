// entity_merge: create or update entities, merged on our stable id. The
// type label is added afterwards by entity_label.
//
// Params:     $rows LIST<MAP> of
//               id      STRING        country:AZE, person:sergey-lavrov, ...
//               type    STRING        Country, Person, Organization, Place, Region
//               props   MAP           name, iso3, iso2, country, title; empty
//                                     values are left out, so they never erase
//               aliases LIST<STRING>  merged into the stored aliases
// Returns:    conflicts LIST<STRING>  ids already stored with another type
// Idempotent: yes, also across articles: every property is set ON CREATE;
//             on a match only properties the node lacks are SET (the first
//             report names an entity; later ones fill gaps, so re-ingesting
//             any article changes nothing). Aliases are the sorted union of
//             stored and new ones. type never changes.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n += row.props, n.type = row.type
WITH n, row
FOREACH (k IN [k IN keys(row.props) WHERE n[k] IS NULL] |
  SET n[k] = row.props[k])
WITH n, row, COLLECT {
  UNWIND coalesce(n.aliases, []) + row.aliases AS alias
  RETURN DISTINCT alias ORDER BY alias
} AS aliases
FOREACH (_ IN CASE WHEN aliases <> coalesce(n.aliases, []) THEN [1] ELSE [] END |
  SET n.aliases = aliases)
RETURN collect(CASE WHEN n.type <> row.type THEN n.id END) AS conflicts
