// Package graph is dipgraph's model: articles, entities, events with their
// participants and evidence, and relations between entities, in types that
// know nothing of how they are stored. FromExtract turns one extraction into
// a Batch, the unit a store writes in one transaction. query.go and
// views.go hold the read side's questions and answers: filters, pages and
// their opaque keyset cursors, dyads, partners, neighbourhoods, paths,
// search hits and counts.
//
// Invariants:
//   - Identity is our own: stable ids derived from content (country:AZE,
//     person:sergey-lavrov, event:visit:<hash>), never a database's ids.
//     Content ids differ for two reports of one event or two spellings of
//     one name, so a store resolves a batch against what it holds with
//     the pure rules of identity*.go (MatchNames, SamePerson, SameEvent,
//     PickPerson, PickEvent, Reconcile, Batch.Rename) and the analysts'
//     decisions of curation.go (CurationMap).
//   - Every fact keeps its provenance: Evidence points at a byte span of a
//     stored article's text.
//   - Dates keep their precision: Date is ISO 8601 at its precision and
//     [From, To] the days it covers, so a 1992 event overlaps 1992-06.
//   - Errors are the sentinels of errors.go, wrapped with the operation.
//
// It imports extract (for its vocabulary), extract/fold (the name fold its
// identity keys share with the extractor) and the standard library; never
// the Neo4j driver, gqlgen, server or cmd. Only graph/neo4jstore talks to
// the database.
package graph
