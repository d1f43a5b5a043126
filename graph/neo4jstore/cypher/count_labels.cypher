// count_labels: how many nodes carry each label.
//
// Params:     none
// Returns:    label STRING, n INTEGER
// Idempotent: yes (reads only)
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS n
