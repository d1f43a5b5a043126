package main

import (
	"context"
	"errors"
	"fmt"
	"io"
)

var errUsage = errors.New("usage")

const usage = `usage: dipgraph COMMAND [flags] [args]

commands:
  extract FILE|DIR|-   print the graph of each article as JSON (no database)
  parse FILE|DIR|-     print the CoreNLP parse of each article as JSON
  ingest FILE|DIR|-    extract and store articles in Neo4j
  export [-format F] [filter flags] [-o FILE]
                       write a selection of the stored graph: graphml, gexf, cyjs,
                       json, timelinejs, ics, csv, gephi-nodes, gephi-edges
  serve                serve the GraphQL API and GraphiQL (/healthz, /readyz)
  eval articles [--json] FILE  score the extractor on annotated articles (as score.py articles)
  eval events [--json] FILE  score the extractor on CAMEO-coded sentences
  eval actors [-v] FILE  score actor resolution (text, date -> country, sector)
  lexicon-report FILE|DIR|-  count the events each row of the event lexicons makes
  bench -url URL -mix FILE  load-test GraphQL endpoints with a query mix (deploy/bench)

Neo4j: NEO4J_URI (bolt://127.0.0.1:7687), NEO4J_USER (neo4j),
NEO4J_PASSWORD (dipgraph-dev), NEO4J_DATABASE (neo4j).
CoreNLP (extract, ingest, eval, serve, parse and lexicon-report read sentences with it; -parse=false
runs the rules only, for debugging): DIPGRAPH_CORENLP_URL (http://127.0.0.1:9000;
a comma-separated list spreads the load), CORENLP_THREADS (2: the threads of
each server; extract, ingest and eval read the servers times their threads
articles at once, or -workers N), DIPGRAPH_PARSE_CACHE
(${XDG_CACHE_HOME:-~/.cache}/dipgraph/parses; off for none).
`

// run is the whole program; main only wires the process to it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cfg := configFromEnv(getenv)
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "extract":
		return cmdExtract(ctx, cfg, rest, stdin, stdout, stderr)
	case "parse":
		return cmdParse(ctx, cfg, rest, stdin, stdout, stderr)
	case "ingest":
		return cmdIngest(ctx, cfg, rest, stdin, stdout, stderr)
	case "export":
		return cmdExport(ctx, cfg, rest, stdout, stderr)
	case "serve":
		return cmdServe(ctx, cfg, rest, stdout, stderr, nil)
	case "eval":
		return cmdEval(ctx, cfg, rest, stdout, stderr)
	case "lexicon-report":
		return cmdLexiconReport(ctx, cfg, rest, stdin, stdout, stderr)
	case "bench":
		return cmdBench(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
}
