// Package neo4jstore keeps the dipgraph model (package graph) in Neo4j. It
// is the only package that imports the Neo4j driver: it writes one
// article's graph.Batch per transaction and reads back concrete graph
// types (events in pages, entities, articles, batch loaders for
// participants and evidence, a node-link export), never driver records or
// maps.
//
// # Invariants
//
//   - Writes are idempotent. Every node is MERGEd on our own stable id
//     (country:AZE, person:sergey-lavrov, the event hash, the article id),
//     backed by the uniqueness constraints in schema/constraints, and every
//     relationship is MERGEd between nodes already bound. Properties are
//     set ON CREATE; on a match only properties whose value differs are
//     set, because Neo4j counts a SET of an equal value as an update.
//     Ingesting the same batch twice leaves the same nodes, relationships
//     and properties, and the second IngestSummary says Changed == false.
//   - Empty values never erase: a property left empty in a batch is not
//     written, so a later, sparser report keeps what an earlier one said.
//     A non-empty value that differs replaces the stored one (the latest
//     report wins); aliases and relation evidence are unions.
//   - Our id is the identity. Element ids are never read into a graph type
//     or returned.
//   - Labels come from closed switches over extract.EntityTypes and
//     extract.EventTypes (labels.go), never from input. A node's type is
//     fixed when it is created; a batch giving an id another type fails
//     with graph.ErrConflict.
//   - Every query is a file in cypher/, embedded and loaded by name at
//     init, with a header giving its purpose, parameters, columns and
//     whether it is idempotent. Values travel only as $parameters.
//   - Reads run in read transactions and writes in write transactions on
//     a named database, so a neo4j:// cluster URI routes them. Transaction
//     functions have no effects outside the transaction, since the driver
//     may retry them.
//   - Errors: an absent id is graph.ErrNotFound, a constraint violation
//     or a type clash graph.ErrConflict, unusable input (a bad cursor, a
//     span outside the text, a link to an unknown id) graph.ErrInvalid;
//     anything else is wrapped as "neo4jstore: <op> <key>: ...".
//   - Spans are byte offsets into the article text, as extract makes them;
//     EvidenceFor slices the text in Go, by bytes.
//
// # Model
//
//	(:Article {id, title, published, publishedAt, source, section, author,
//	           dateline, url, text})
//	    published is the string as given (RFC 3339 or YYYY-MM-DD);
//	    publishedAt a DATETIME with the article's offset when published
//	    is RFC 3339.
//	(:Entity:<Country|Person|Organization|Place|Region>
//	    {id, type, name, iso3, iso2, country, title, aliases})
//	    country is the ISO3 of the country a person, place or body belongs
//	    to; it is a property, not a relationship.
//	(:Event:<Visit|Meeting|...> {id, type, label, date, end, from, to,
//	    precision, modality, subtype, cameo, cameoRoot, quadClass,
//	    goldstein, confidence, attribution, ordinal, count})
//	    from and to are DATE values: the first and last day that date..end
//	    covers (graph.Event.From/To). Date filters match on overlap.
//	(:Event)-[:PARTICIPANT {role}]->(:Entity)            one per (event, role, entity)
//	(:Event)-[:EVIDENCE {start, end}]->(:Article)        one per span
//	(:Entity)-[:MENTIONED_IN {start, end}]->(:Article)   one per span
//	(:Entity)-[:RELATED {type, role, date, evidence}]->(:Entity)
//	    one per (source, type, target). Relation types (MEMBER_OF,
//	    OFFICIAL_OF, ...) are an open set in extract, so they are a
//	    property rather than relationship types. evidence lists the spans
//	    as "<article id>[<start>:<end>]", since a relationship cannot point
//	    at an article.
//
// Empty properties are left out. Relationship ends are matched, not
// created: a batch must carry (or the store must already hold) every
// entity, event and article its links name.
//
// # Imports
//
// neo4jstore imports graph, extract and the Neo4j driver. It must never be
// imported by extract or server: server declares the interfaces it needs
// and cmd plugs a *Store into them (STYLE.md §1 and §3). It does not
// import package schema either; cmd passes schema.Constraints() to
// Migrate.
//
// # Tests
//
// queries_test.go checks the embedded queries without a database. The
// other tests run against a real Neo4j 5 server named by NEO4J_URI,
// NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE (defaults
// bolt://127.0.0.1:7687, neo4j, dipgraph-dev, neo4j; see deploy/neo4j).
// They wipe that database, so run them with go test -p 1. Without a
// server they skip, unless DIPGRAPH_REQUIRE_NEO4J=1 makes that a failure.
package neo4jstore
