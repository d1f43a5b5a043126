// count_relationships: how many relationships there are of each type.
//
// Params:     none
// Returns:    type STRING, n INTEGER
// Idempotent: yes (reads only)
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS n
