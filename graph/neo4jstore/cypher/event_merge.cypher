// event_merge: create or update events, merged on our stable id. The type
// label is added afterwards by event_label.
//
// Params:     $rows LIST<MAP> of
//               id    STRING  the event's id
//               type  STRING  Visit, Meeting, ... (extract.EventTypes)
//               props MAP     label, date, end, from (DATE), to (DATE),
//                             precision, modality, subtype, cameo, cameoRoot,
//                             quadClass, goldstein, confidence, attribution,
//                             ordinal, count, topic, origin, partOf; empty and
//                             zero values are left out, so they never erase
//               unset LIST<STRING>  properties to remove: end, when a
//                             report's better date has none
// Returns:    conflicts LIST<STRING>  ids already stored with another type
// Idempotent: yes. Every property is set ON CREATE; on a match only the
//             properties whose value differs are SET (Neo4j counts a SET of
//             an equal value as an update), and only present ones removed.
//             type never changes.
UNWIND $rows AS row
MERGE (ev:Event {id: row.id})
  ON CREATE SET ev += row.props, ev.type = row.type
WITH ev, row
FOREACH (k IN [k IN keys(row.props) WHERE ev[k] IS NULL OR ev[k] <> row.props[k]] |
  SET ev[k] = row.props[k])
FOREACH (k IN [k IN coalesce(row.unset, []) WHERE ev[k] IS NOT NULL] |
  SET ev[k] = null)
RETURN collect(CASE WHEN ev.type <> row.type THEN ev.id END) AS conflicts
