// article_aliases_drop: remove aliases that only a deleted article gave
// (DeleteArticle).
//
// Params:     $rows LIST<MAP> of
//               id   STRING        the entity
//               drop LIST<STRING>  the aliases to remove
// Returns:    changed LIST<STRING>  ids of the entities that lost an alias
// Idempotent: yes
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
WITH e, coalesce(e.aliases, []) AS aliases, [x IN coalesce(e.aliases, []) WHERE NOT x IN row.drop] AS kept
WHERE size(kept) < size(aliases)
SET e.aliases = CASE WHEN size(kept) = 0 THEN null ELSE kept END
RETURN collect(e.id) AS changed
