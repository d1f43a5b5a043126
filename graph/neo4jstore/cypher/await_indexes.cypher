// await_indexes: wait until every index and constraint is online, so that
// queries right after Migrate (full-text search in particular) see them.
//
// Params:     $seconds INTEGER  how long to wait before failing
// Returns:    nothing
// Idempotent: yes (reads only)
CALL db.awaitIndexes($seconds)
