// Command dipgraph extracts diplomatic events from news articles, stores
// them in Neo4j and serves them through a GraphQL API.
//
//	dipgraph extract [-format graph|events] [-parse=false] [-workers N] FILE|DIR|-
//	dipgraph parse [-all] [-indent] FILE|DIR|-
//	dipgraph ingest [-parse=false] [-workers N] FILE|DIR|-
//	dipgraph export [-format graphml|gexf|cyjs|json|timelinejs|ics|csv|gephi-nodes|gephi-edges] [filter flags] [-o FILE]
//	dipgraph serve [-addr 127.0.0.1:8080] [-log text|json] [-parse=false]
//	dipgraph eval [-parse=false] [-workers N] articles|events [--json] FILE
//	dipgraph eval actors [-v] FILE
//	dipgraph eval coref [-algorithms statistical,dcoref] [-rounds N] [-v] [-judged TSV] FILE
//
// It is the only package that reads flags and the environment (NEO4J_URI,
// NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, DIPGRAPH_ADDR,
// DIPGRAPH_LOG_FORMAT, DIPGRAPH_API_KEYS, DIPGRAPH_KEYED_READS,
// DIPGRAPH_CORS_ORIGINS, DIPGRAPH_RATE_LIMIT, DIPGRAPH_INTROSPECTION,
// DIPGRAPH_CORENLP_URL, CORENLP_THREADS, DIPGRAPH_PARSE_CACHE, DIPGRAPH_PARSE_MEMORY) and the only one that wires
// the pieces together: the parser client, the extractor, the Neo4j store
// and the GraphQL server. parsingExtractor (parser.go) is the one place
// where an article's sentences are parsed before extract.Extract reads it;
// inOrder (pool.go) runs it on several articles at once, so that every
// thread of every parser server is busy, and hands the results on in
// input order. main builds a signal-cancelled context and calls run.
//
// serve starts whether or not Neo4j is up and connects when it comes
// (storeWhenUp); /readyz tells when the database and the parser answer.
// On SIGINT or SIGTERM it stops taking connections and waits for the
// requests in flight, a batch being ingested among them, before it exits.
//
// Its tests check the import rules of the whole module (TestImportRules)
// and run the commands end to end against a real Neo4j.
package main
