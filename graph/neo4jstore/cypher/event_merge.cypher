// event_merge: create or update events, merged on our stable id. The type
// label is added afterwards by event_label.
//
// Params:     $rows LIST<MAP> of
//               id    STRING  the event's id
//               type  STRING  Visit, Meeting, ... (extract.EventTypes)
//               props MAP     label, date, end, from (DATE), to (DATE),
//                             precision, modality, subtype, cameo, cameoRoot,
//                             quadClass, goldstein, confidence, attribution,
//                             ordinal, count, topic, origin, partOf,
//                             unattributed (LIST<STRING> "role|name|sector");
//                             empty and
//                             zero values are left out, so they never erase
//               override LIST<STRING>  properties a differing value may
//                             replace: those Ingest reconciles with the stored
//                             event (date, end, from, to, precision, modality,
//                             confidence; graph.Reconcile), which only ever
//                             move one way
//               unset LIST<STRING>  properties to remove: end, when a
//                             report's better date has none
//               batch STRING  the article whose batch the row is
// Returns:    conflicts LIST<STRING>  ids already stored with another type,
//             changed LIST<STRING>    the batches whose rows changed something
// Idempotent: yes, also across articles: every property is set ON CREATE;
//             on a match only properties the node lacks, or override ones
//             whose value differs, are SET (Neo4j counts a SET of an equal
//             value as an update), and only present ones removed. The first
//             report names an event; later ones fill gaps. type never
//             changes. Each row runs in a subquery of its own, so it sees
//             the rows before it.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (old:Event {id: row.id})
  WITH row, old IS NULL AS created
  MERGE (ev:Event {id: row.id})
    ON CREATE SET ev += row.props, ev.type = row.type
  WITH ev, row, created,
       [k IN keys(row.props)
          WHERE ev[k] IS NULL OR (k IN coalesce(row.override, []) AND ev[k] <> row.props[k])] AS diff,
       [k IN coalesce(row.unset, []) WHERE ev[k] IS NOT NULL] AS gone
  FOREACH (k IN diff | SET ev[k] = row.props[k])
  FOREACH (k IN gone | SET ev[k] = null)
  RETURN ev.type <> row.type AS conflict, created OR size(diff) > 0 OR size(gone) > 0 AS changed
}
RETURN collect(CASE WHEN conflict THEN row.id END) AS conflicts,
       collect(DISTINCT CASE WHEN changed THEN row.batch END) AS changed
