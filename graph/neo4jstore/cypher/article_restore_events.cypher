// article_restore_events: set the date and confidence of events to what
// their remaining reports say (DeleteArticle, after an article that made
// them finer is deleted).
//
// Params:     $rows LIST<MAP> of
//               id    STRING  the event's id
//               props MAP     date, end, from (DATE), to (DATE), precision,
//                             confidence: the values the remaining reports
//                             give, the empty ones left out
//               unset LIST<STRING>  of those keys, the ones to remove
// Returns:    changed LIST<STRING>  ids of the events whose values changed
// Idempotent: yes; equal values are not written again.
UNWIND $rows AS row
MATCH (ev:Event {id: row.id})
WITH ev, row,
     [k IN keys(row.props) WHERE ev[k] IS NULL OR ev[k] <> row.props[k]] AS set,
     [k IN row.unset WHERE ev[k] IS NOT NULL] AS unset
FOREACH (k IN set | SET ev[k] = row.props[k])
FOREACH (k IN unset | SET ev[k] = null)
RETURN collect(CASE WHEN size(set) + size(unset) > 0 THEN ev.id END) AS changed
