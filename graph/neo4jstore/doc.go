// Package neo4jstore keeps the dipgraph model (package graph) in Neo4j. It
// is the only package that imports the Neo4j driver: it writes one
// article's graph.Batch per transaction and reads back concrete graph
// types (events in pages, entities, articles, batch loaders for
// participants and evidence, a node-link export), never driver records or
// maps. It also carries out analysts' curation: DeleteArticle removes an
// article with the facts only it supports, MergeEntities and SplitEntity
// correct identity and record the decision for later ingests.
//
// # Invariants
//
//   - Writes are idempotent. Every node is MERGEd on our own stable id
//     (country:AZE, person:sergey-lavrov, the event hash, the article id),
//     backed by the uniqueness constraints in schema/constraints, and every
//     relationship is MERGEd between nodes already bound. Properties are
//     set ON CREATE; on a match only properties the node lacks are set
//     (and a SET never writes an equal value, which Neo4j would count as
//     an update). Ingesting the same batch twice leaves the same nodes,
//     relationships and properties, and the second IngestSummary says
//     Changed == false.
//   - The first report names a node; later ones fill gaps. A property
//     left empty in a batch is not written, and one the node already has
//     is not replaced, so re-ingesting any article, in any order with
//     others, changes nothing. (When the latest report won, re-ingesting
//     the 2,996 articles of the dev corpus changed 645 of them: two
//     articles calling a man "Central Bank President" and "President"
//     flipped his title each time.) The exceptions only move one way: an
//     event's date gets finer, its modality firmer (planned -> asserted)
//     and its confidence higher (graph.Reconcile). Aliases, relation
//     evidence and reporting articles are unions.
//   - Each article keeps what it itself said (its claims, provenance.go):
//     its events' dates and confidences as reported, the names it gives
//     entities, the groups and sectors on its participant links. Deleting
//     it (DeleteArticle) takes back what only it gave: the union or the
//     best of the remaining reports' claims is written again.
//   - Reports resolve to what is stored (see Identity below): re-ingesting
//     an article resolves it the same way, so it changes nothing.
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
//	           dateline, url, text, claims})
//	    published is the string as given (RFC 3339 or YYYY-MM-DD);
//	    publishedAt a DATETIME with the article's offset when published
//	    is RFC 3339. claims: what the article said (provenance.go),
//	    never read into graph.Article.
//	(:Entity:<Country|Person|Organization|Place|Region>
//	    {id, type, name, iso3, iso2, country, title, aliases})
//	    country is the ISO3 of the country a person, place or body belongs
//	    to; it is a property, not a relationship.
//	(:Event:<Visit|Meeting|...> {id, type, label, date, end, from, to,
//	    precision, modality, subtype, cameo, cameoRoot, quadClass,
//	    goldstein, confidence, attribution, ordinal, count, unattributed})
//	    from and to are DATE values: the first and last day that date..end
//	    covers (graph.Event.From/To). Date filters match on overlap.
//	    Persons also carry nameKey (graph.NameKey), the key under which
//	    Ingest finds the spellings of a name.
//	    unattributed lists the actors of no known country the first report
//	    names by a common noun, as "role|name|sector" strings.
//	(:Event)-[:PARTICIPANT {role, articles, groups, sectors}]->(:Entity)
//	    one per (event, role, entity); articles are the ids of the articles
//	    that report the link; groups and sectors, on a link to a country,
//	    the groups that acted for it ("gunmen", UAF), sorted unions.
//	(:Event)-[:EVIDENCE {start, end}]->(:Article)        one per span
//	(:Entity)-[:MENTIONED_IN {start, end}]->(:Article)   one per span
//	(:Entity)-[:RELATED {type, role, date, evidence}]->(:Entity)
//	    one per (source, type, target). Relation types (MEMBER_OF,
//	    OFFICIAL_OF, ...) are an open set in extract, so they are a
//	    property rather than relationship types. evidence lists the spans
//	    as "<article id>[<start>:<end>]", since a relationship cannot point
//	    at an article; articles the ids of the articles that report it.
//	(:Curation {id, kind, from, to, article, at})
//	    an analyst's decision (MergeEntities, SplitEntity): kind "merge"
//	    files the entity id from under to in every article; kind "split"
//	    files from under to in one article.
//
// Empty properties are left out. Relationship ends are matched, not
// created: a batch must carry (or the store must already hold) every
// entity, event and article its links name.
//
// # Identity
//
// The extractor's ids come from content, so two reports of one visit, or
// two spellings of one name, get two ids. Ingest resolves a batch before
// it writes it, in the same transaction, with the pure rules of package
// graph (identity*.go) and three lookups:
//
//  1. curation_rules: the Curation decisions about the batch's entity ids
//     (graph.CurationMap) rewrite them first; an analyst's word wins.
//  2. person_candidates: for each other person, the stored entity with its
//     id and the stored persons of the same country and name key. A
//     spelling variant with an agreeing title (graph.PickPerson: Sergei
//     for Sergey, Mamedyarov for Mammadyarov) is filed under the stored
//     id, keeps the stored name and adds its own as an alias; a namesake
//     of another country whose id is taken gets the id qualified by his
//     country (person:ali-aliyev.rus).
//  3. event_candidates: for each dated event, the stored event with its id
//     and the stored events of its type within a week of its dates that
//     share an identifying participant or its country. graph.PickEvent
//     applies graph.SameEvent (same type and modality class, dates that
//     meet at their precision, compatible participants); a report of a
//     stored event is filed under the stored id with the stored values
//     kept and the date, modality and confidence reconciled (graph.Absorb:
//     the finer date, planned -> asserted, the higher confidence), so
//     Reports counts every article. A report that denies what another
//     announced under the same extractor id gets the id qualified by its
//     modality.
//
// Resolution depends on what is stored, so ids depend on which article
// came first; the graph does not (one node per event and person,
// whatever the order; TestIngestSameEventManyReports). Two transactions
// ingesting two reports of one new event at the same moment may still
// make two nodes (two nodes of one id never: the ids are constrained).
//
// # Batches
//
// IngestBatches writes many articles in one transaction, in rounds
// (round.go): a round reads the store once for all its articles (the three
// lookups above, each one UNWIND over every article's rows) and writes
// each kind of row of every article with one UNWIND statement, in article
// order. Each article is resolved against the store as the articles before
// it in the round leave it: roundEntities and roundEvents apply
// entity_merge's and event_merge's rules in Go to what the round read, and
// offer what the round wrote as candidates where the lookups would have
// found it. An article that reads what the round wrote without the round
// knowing what was there before ends the round; the rest is read again
// after the round is written. So the graph and each summary are what
// Ingest one article after another gives (TestIngestBatchesAsOneByOne).
// The merge statements return the articles whose rows changed something
// (each row runs in a CALL subquery of its own, so it sees the rows before
// it), which is IngestSummary.Changed. Ingest is IngestBatches of one.
//
// # Reads
//
// The read side serves the API (server/resolver declares what it needs):
//
//   - Lists page by keyset: a cursor holds the sort key of the last row
//     and its id (events in four orders, each a numeric key ascending then
//     the id; entities by name; articles newest first), so rows ingested
//     while a client pages neither shift nor repeat what it sees.
//   - The event filter is one block of Cypher shared by every query that
//     filters events (TestSharedBlocks). An entity takes part in an event
//     itself or through others: a country through its people and bodies
//     (their country), an organization through its officials
//     (OFFICIAL_OF), a place or region through the places within it
//     (LOCATED_IN); a country does not take part in what merely happens on
//     its soil. A list that names entities is answered from their events
//     (events_involving), not by scanning every event.
//   - Batch loaders take many keys and make one query (entities, events,
//     articles, participants, evidence, relations, an entity's events or
//     articles per entity), so the API's round trips follow the shape of a
//     request, not its rows.
//   - Views: Dyad, Partners, Subgraph, Paths, Search (the full-text
//     indexes entity_names, event_text and article_titles) and Stats; each
//     is one read transaction of a fixed number of statements (Subgraph:
//     its depth plus two).
//   - A read transaction ends at its context's deadline, on the server too.
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
// other tests run against a real Neo4j 5 server: make test's own instance
// (make neo4j-test), found through DIPGRAPH_TEST_NEO4J_URI and never
// NEO4J_URI (package neo4jtest). They wipe its database, dipgraph-test,
// and no other, so run them with go test -p 1. Without a server they
// skip, unless DIPGRAPH_REQUIRE_NEO4J=1 makes that a failure.
package neo4jstore
