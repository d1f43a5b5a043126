// article_restore_links: set the groups and sectors of participant links
// to those their remaining reports name (DeleteArticle).
//
// Params:     $rows LIST<MAP> of
//               event, role, entity STRING  the link
//               groups, sectors LIST<STRING>  sorted, maybe empty (then the
//                                             property is removed)
// Returns:    changed LIST<STRING>  ids of the events of the links changed
// Idempotent: yes; equal values are not written again.
UNWIND $rows AS row
MATCH (:Event {id: row.event})-[p:PARTICIPANT {role: row.role}]->(:Entity {id: row.entity})
WITH p, row,
     coalesce(p.groups, []) <> row.groups AS groups,
     coalesce(p.sectors, []) <> row.sectors AS sectors
FOREACH (_ IN CASE WHEN groups THEN [1] ELSE [] END |
  SET p.groups = CASE WHEN size(row.groups) = 0 THEN null ELSE row.groups END)
FOREACH (_ IN CASE WHEN sectors THEN [1] ELSE [] END |
  SET p.sectors = CASE WHEN size(row.sectors) = 0 THEN null ELSE row.sectors END)
RETURN collect(DISTINCT CASE WHEN groups OR sectors THEN row.event END) AS changed
