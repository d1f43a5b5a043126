# dipgraph: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

GO        ?= go
NEO4JCTL  := deploy/neo4j/neo4jctl
CORENLPCTL := deploy/corenlp/corenlpctl
BIN       := bin/dipgraph
SHARED    ?= $(abspath ../shared)

export NEO4J_URI      ?= bolt://127.0.0.1:7687
export NEO4J_USER     ?= neo4j
export NEO4J_PASSWORD ?= dipgraph-dev
export NEO4J_DATABASE ?= neo4j
export DIPGRAPH_EVAL  ?= $(SHARED)/eval
export CORENLP_PORT    ?= 9000
CORENLP_LOCAL_URL     := http://127.0.0.1:$(CORENLP_PORT)
export DIPGRAPH_CORENLP_URL ?= $(CORENLP_LOCAL_URL)

# make test's own Neo4j: its own home, data directory and Bolt port, and its
# one database named dipgraph-test, the only database the tests empty
# (graph/neo4jstore/neo4jtest). The tests find it through
# DIPGRAPH_TEST_NEO4J_URI, never NEO4J_URI, so the database of make run
# stays as it was; make test checks that it did.
NEO4J_TEST_HOME ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/dipgraph/neo4j-test
NEO4J_TEST_PORT ?= 7688
NEO4J_TEST := DIPGRAPH_NEO4J_HOME=$(NEO4J_TEST_HOME) DIPGRAPH_NEO4J_DATA=$(NEO4J_TEST_HOME)/data \
	NEO4J_BOLT_PORT=$(NEO4J_TEST_PORT) DIPGRAPH_NEO4J_DATABASE=dipgraph-test NEO4J_USER=neo4j NEO4J_PASSWORD=dipgraph-dev
TEST_ENV := DIPGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$(NEO4J_TEST_PORT) DIPGRAPH_TEST_NEO4J_USER=neo4j \
	DIPGRAPH_TEST_NEO4J_PASSWORD=dipgraph-dev DIPGRAPH_REQUIRE_NEO4J=1 \
	DIPGRAPH_CORPUS=$(if $(wildcard $(SHARED)/corpus/dev.jsonl),$(SHARED)/corpus)
# A digest of the database of make run (its export), or "none" when nothing
# listens at NEO4J_URI.
USER_DB_DIGEST = hp=$${NEO4J_URI\#*://}; hp=$${hp%%/*}; \
	if (exec 3<>"/dev/tcp/$${hp%:*}/$${hp\#\#*:}") 2>/dev/null; then (set -o pipefail; $(BIN) export | sha256sum | cut -c1-16) || echo "export-failed"; else echo none; fi

.PHONY: web check-web browser test-browser help run test neo4j neo4j-stop neo4j-test neo4j-test-stop corenlp corenlp-stop build generate check-generate vet test-unit \
        test-integration golden eval bench bench-api bench-export soak parses bench-parse fuzz lexicon-report bench-ingest bench-ingest-stop clean

help:
	@echo "make run    start Neo4j and CoreNLP, ingest testdata/articles, serve GraphQL on http://127.0.0.1:8080"
	@echo "make test   start a Neo4j of its own (neo4j-test) and CoreNLP, check generated code, vet, run every test against them"
	@echo "other targets: web check-web browser test-browser neo4j neo4j-stop neo4j-test neo4j-test-stop corenlp corenlp-stop build generate check-generate vet test-unit test-integration golden fuzz eval bench bench-api bench-export soak parses bench-parse lexicon-report bench-ingest bench-ingest-stop"

## the web page (web/, built into server/web/app) and GraphiQL's files
## (server/web/graphiql), from the npm packages of web/package-lock.json
web: web/node_modules/.installed
	cd web && node build.mjs

# npm ci installs exactly the locked packages (again whenever the lock changes)
web/node_modules/.installed: web/package-lock.json web/package.json
	cd web && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed

# rebuild the page and GraphiQL's files and fail when they differ from the
# committed ones, as check-generate does for gqlgen
check-web: web
	@git diff --exit-code -- server/web web \
	  || { echo "make web changed the committed bundle: run make web and commit"; exit 1; }
	@test -z "$$(git ls-files --others --exclude-standard -- server/web web)" \
	  || { echo "make web created untracked files:"; git ls-files --others --exclude-standard -- server/web web; exit 1; }

# headless Chromium for the browser test (TestBrowser, driven by
# playwright-core from web/node_modules): Debian's chromium, installed when
# missing (as root, or with sudo)
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }; \
	  else sudo apt-get install -y chromium; fi; }

# the page in the browser alone (screenshots in web/e2e/out), against the test Neo4j
test-browser: neo4j-test web browser
	$(TEST_ENV) DIPGRAPH_REQUIRE_BROWSER=1 DIPGRAPH_REQUIRE_READERS=1 $(GO) test -count=1 -run TestBrowser -v ./cmd/dipgraph

## run: the main job
# and a sample for the web page to show: the first RUN_SAMPLE U.S. government
# releases (State Department and White House, public domain) of
# $(SHARED)/corpus/dev.jsonl, read where they are, never copied
RUN_SAMPLE ?= 300
run: neo4j corenlp build
	$(BIN) ingest testdata/articles
	@if [ -r $(SHARED)/corpus/dev.jsonl ] && [ "$(RUN_SAMPLE)" != 0 ]; then \
	  echo "ingesting $(RUN_SAMPLE) U.S. government releases of $(SHARED)/corpus/dev.jsonl"; \
	  grep -E '"source": "(state_dept|whitehouse)"' $(SHARED)/corpus/dev.jsonl | head -n $(RUN_SAMPLE) | $(BIN) ingest -; \
	else echo "no $(SHARED)/corpus/dev.jsonl: only testdata/articles ingested"; fi
	$(BIN) serve

## test: everything CI runs, against make test's own Neo4j (neo4j-test)
test: neo4j-test corenlp check-generate check-web browser vet build
	@before=$$($(USER_DB_DIGEST)); \
	$(TEST_ENV) DIPGRAPH_REQUIRE_CORENLP=1 DIPGRAPH_REQUIRE_READERS=1 DIPGRAPH_REQUIRE_BROWSER=1 $(GO) test -p 1 -count=1 -timeout 40m ./...; rc=$$?; \
	after=$$($(USER_DB_DIGEST)); \
	if [ "$$before" != "$$after" ]; then \
	  echo "the database of make run at $$NEO4J_URI changed during make test ($$before -> $$after)"; exit 1; fi; \
	echo "database of make run at $$NEO4J_URI: unchanged (export digest $$before)"; exit $$rc

neo4j:
	@$(NEO4JCTL) start

neo4j-stop:
	@$(NEO4JCTL) stop

neo4j-test:
	@$(NEO4J_TEST) $(NEO4JCTL) start

neo4j-test-stop:
	@$(NEO4J_TEST) $(NEO4JCTL) stop

# Stanford CoreNLP on loopback (deploy/corenlp/README.md); the first start
# fetches the 474 MB models jar. Nothing is started when DIPGRAPH_CORENLP_URL
# names a server other than http://127.0.0.1:$CORENLP_PORT.
corenlp:
ifeq ($(DIPGRAPH_CORENLP_URL),$(CORENLP_LOCAL_URL))
	@$(CORENLPCTL) start
else
	@echo "DIPGRAPH_CORENLP_URL=$(DIPGRAPH_CORENLP_URL): no local CoreNLP started"
endif

corenlp-stop:
	@$(CORENLPCTL) stop

build:
	$(GO) build -o $(BIN) ./cmd/dipgraph

generate:
	$(GO) generate ./...

check-generate: generate
	@git diff --exit-code -- server/gql server/resolver schema gqlgen.yml go.mod go.sum extract/gazetteer extract/verbs \
	  || { echo "go generate changed tracked files: run make generate and commit"; exit 1; }
	@test -z "$$(git status --porcelain -- server/gql server/resolver)" \
	  || { echo "go generate created untracked files:"; git status --porcelain -- server/gql server/resolver; exit 1; }

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '^server/gql/'))" || { gofmt -l $$(git ls-files '*.go' | grep -v '^server/gql/'); echo "gofmt needed"; exit 1; }

test-unit:
	$(GO) test -count=1 ./...

test-integration: neo4j-test
	$(TEST_ENV) $(GO) test -p 1 -count=1 -timeout 40m ./graph/... ./cmd/...

golden:
	$(GO) test ./extract/... -update
	$(GO) test ./server/export/... -update

# every fuzz target of the parsers for FUZZTIME each, one after the other;
# what a fuzzer finds lands in the package's testdata/fuzz/<target>: fix
# it and commit the file as a regression case (go test runs it from then on)
FUZZTIME ?= 30s
FUZZ_TARGETS := cmd/dipgraph:FuzzReadStream extract:FuzzHeader extract:FuzzPublished extract:FuzzDates extract:FuzzExtract
fuzz:
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; fn=$${t##*:}; \
	  echo "== $$fn ($$pkg, $(FUZZTIME))"; \
	  $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) ./$$pkg || exit 1; done

# articles first: the figure that counts (the same as $(SHARED)/eval/score.py articles)
eval: corenlp
	$(GO) run ./cmd/dipgraph eval articles $(DIPGRAPH_EVAL)/articles-dev.jsonl
	$(GO) run ./cmd/dipgraph eval events $(DIPGRAPH_EVAL)/events-dev.jsonl
	$(GO) run ./cmd/dipgraph eval actors $(DIPGRAPH_EVAL)/actors-dev.jsonl

# extraction speed (README, Extraction): the rules alone on the whole dev corpus
# (no parse), then end to end on its first 200 articles with a cold parse cache,
# parse + rules on the parser's workers, against parsing every body sentence, and
# the rules alone on the parses made; each figure the median of its passes
bench: corenlp
	DIPGRAPH_CORPUS=$(SHARED)/corpus $(GO) test -run '^$$' -bench 'Extract$$' -benchmem -benchtime 5x ./extract/
	DIPGRAPH_CORPUS=$(SHARED)/corpus $(GO) test -run '^$$' -bench EndToEnd -benchtime 1x -timeout 60m ./cmd/dipgraph/

# how many events each row of extract/gazetteer/triggers.tsv and verbs.tsv
# makes on the dev corpus, and the rows that make none; the rules alone by
# default (about a minute), LEXICON_PARSE=true to read the corpus with CoreNLP
LEXICON_PARSE ?= false
lexicon-report: build $(if $(filter true,$(LEXICON_PARSE)),corenlp)
	$(BIN) lexicon-report -parse=$(LEXICON_PARSE) $(SHARED)/corpus/dev.jsonl

# the CoreNLP parse of each testdata article, recorded for the extractor's tests
# (needs the parser server at DIPGRAPH_CORENLP_URL; the cache is bypassed)
parses: corenlp build
	@mkdir -p testdata/parses
	@for f in testdata/articles/*.txt; do s=$$(basename $$f .txt); \
	  DIPGRAPH_PARSE_CACHE=off $(BIN) parse -indent $$f > testdata/parses/$$s.json || exit 1; \
	  echo testdata/parses/$$s.json; done

# parser throughput: the first 200 dev articles, every body sentence vs those worth parsing
bench-parse: corenlp
	DIPGRAPH_CORPUS=$(SHARED)/corpus $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 60m ./extract/corenlp/

# the analysts' query mix against dipgraph and @neo4j/graphql on one Neo4j (deploy/bench/README.md)
bench-api:
	DIPGRAPH_CORPUS=$(SHARED)/corpus deploy/bench/run.sh

# the soak test (TestSoak, cmd/dipgraph/soak_test.go): dipgraph serve as its
# own process on loopback against a Neo4j of its own (SOAK_NEO4J_HOME,
# SOAK_NEO4J_PORT; stopped at the end), SOAK_BASE dev articles ingested, then
# for SOAK the benchmark's analyst mix from SOAK_CONCURRENCY clients while
# ingestArticles runs beside them; fails on any error, on goroutines or live
# heap grown beyond its tolerances, or on a p99 beyond SOAK_P99_MS (the
# figure of make bench-api). SOAK_OUT=FILE keeps the report.
SOAK ?= 3m
SOAK_NEO4J_HOME ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/dipgraph/neo4j-soak
SOAK_NEO4J_PORT ?= 7690
soak: corenlp
	@case "$(SOAK_NEO4J_PORT)" in 7687|7688) echo "SOAK_NEO4J_PORT=$(SOAK_NEO4J_PORT) is another Neo4j's; use another"; exit 1;; esac
	@$(MAKE) --no-print-directory neo4j-test NEO4J_TEST_HOME=$(SOAK_NEO4J_HOME) NEO4J_TEST_PORT=$(SOAK_NEO4J_PORT)
	@DIPGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$(SOAK_NEO4J_PORT) DIPGRAPH_TEST_NEO4J_USER=neo4j DIPGRAPH_TEST_NEO4J_PASSWORD=dipgraph-dev \
	  DIPGRAPH_REQUIRE_NEO4J=1 DIPGRAPH_REQUIRE_CORENLP=1 DIPGRAPH_SOAK=$(SOAK) DIPGRAPH_CORPUS=$(SHARED)/corpus \
	  $(GO) test -count=1 -run '^TestSoak$$' -v -timeout 90m ./cmd/dipgraph; rc=$$?; \
	  $(MAKE) --no-print-directory neo4j-test-stop NEO4J_TEST_HOME=$(SOAK_NEO4J_HOME) NEO4J_TEST_PORT=$(SOAK_NEO4J_PORT); exit $$rc

# bulk ingest (README, Bulk ingest): extract the dev corpus once, store it with
# ingest -graphs, the naive writer and Neo4j's limit on the same input, end to
# end ingest, peak RSS on bulk.jsonl.gz; against a Neo4j of the bench's own
# (BENCH_NEO4J_HOME, port BENCH_NEO4J_PORT), emptied before each pass
BENCH_NEO4J_HOME ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/dipgraph/neo4j-bench
BENCH_NEO4J_PORT ?= 7692
bench-ingest: corenlp
	@DIPGRAPH_NEO4J_HOME=$(BENCH_NEO4J_HOME) DIPGRAPH_NEO4J_DATA=$(BENCH_NEO4J_HOME)/data NEO4J_BOLT_PORT=$(BENCH_NEO4J_PORT) \
	  DIPGRAPH_NEO4J_DATABASE=dipgraph-test NEO4J_USER=neo4j NEO4J_PASSWORD=dipgraph-dev $(NEO4JCTL) start
	DIPGRAPH_BENCH_INGEST=$(SHARED)/corpus DIPGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$(BENCH_NEO4J_PORT) \
	  DIPGRAPH_TEST_NEO4J_USER=neo4j DIPGRAPH_TEST_NEO4J_PASSWORD=dipgraph-dev \
	  $(GO) test -run '^TestBenchIngest$$' -count=1 -v -timeout 180m ./cmd/dipgraph/

bench-ingest-stop:
	@DIPGRAPH_NEO4J_HOME=$(BENCH_NEO4J_HOME) NEO4J_BOLT_PORT=$(BENCH_NEO4J_PORT) $(NEO4JCTL) stop

# peak memory of dipgraph export, small selection vs whole graph, every format
# (deploy/bench/export.sh; load the graph first, or EXPORT_BENCH_INGEST=1)
bench-export:
	DIPGRAPH_CORPUS=$(SHARED)/corpus deploy/bench/export.sh

clean:
	rm -rf bin
