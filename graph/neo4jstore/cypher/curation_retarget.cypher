// curation_retarget: when $drop is merged into $keep, earlier decisions
// that led to $drop lead to $keep, splits of $drop become splits of $keep,
// and decisions that now lead from an entity to itself are deleted.
//
// Params:     $keep STRING, $drop STRING  entity ids
// Returns:    changed INTEGER  decisions changed or deleted
// Idempotent: yes
MATCH (c:Curation)
WHERE c.to = $drop OR (c.kind = 'split' AND c.from = $drop)
SET c.to = CASE WHEN c.to = $drop THEN $keep ELSE c.to END,
    c.from = CASE WHEN c.kind = 'split' AND c.from = $drop THEN $keep ELSE c.from END
WITH c, c.from = c.to AS loop
FOREACH (_ IN CASE WHEN loop THEN [1] ELSE [] END | DELETE c)
RETURN count(c) AS changed
