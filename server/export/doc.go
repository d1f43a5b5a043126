// Package export writes one selection of the graph (the events an
// EventFilter selects, the entities taking part in them, the articles
// reporting them, the relations among those entities and where the
// articles name them; with no filter, the whole graph) in the formats
// other tools read: GraphML, GEXF 1.3 (dynamic), Cytoscape.js JSON,
// node-link JSON, TimelineJS JSON, iCalendar, an event CSV in the
// GDELT/POLECAT manner and Gephi's node and edge CSVs. The server's
// GET /export/{format} and `dipgraph export` both call Write.
//
// Invariants:
//   - Exports stream: Write reads the selection a page at a time from its
//     Source (EventPageSize events, PageSize entities or articles) and
//     writes each page before it reads the next, so its memory does not
//     grow with the size of the export. It keeps no set of what it wrote:
//     the store gives each entity and article of the selection once.
//   - Same ids and provenance in every format: nodes and events carry our
//     stable ids (event:..., country:AZE, the article's id), and every
//     event its evidence (the first sentence, its article and URL, and
//     every span as <article>[<start>:<end>], byte offsets).
//   - Output is deterministic for a given graph and Options.Now: events
//     in date order, entities and articles in id order.
//   - Each format is checked by its own reader (NetworkX, icalendar,
//     Python's csv, JSON Schemas) in cmd/dipgraph's TestExportReaders.
//
// It imports graph and extract; never graph/neo4jstore, the Neo4j driver
// or cmd: the store is the Source interface declared here, which cmd
// plugs in. Golden files of every format, the JSON Schemas and the
// Python script of the readers' test live in testdata/export at the
// repository root.
package export
