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

.PHONY: help run test neo4j neo4j-stop corenlp corenlp-stop build generate check-generate vet test-unit \
        test-integration golden eval bench bench-api parses bench-parse lexicon-report clean

help:
	@echo "make run    start Neo4j and CoreNLP, ingest testdata/articles, serve GraphQL on http://127.0.0.1:8080"
	@echo "make test   start Neo4j and CoreNLP, check generated code, vet, run every test against them"
	@echo "other targets: neo4j neo4j-stop corenlp corenlp-stop build generate check-generate vet test-unit test-integration golden eval bench bench-api parses bench-parse lexicon-report"

## run: the main job
run: neo4j corenlp build
	$(BIN) ingest testdata/articles
	$(BIN) serve

## test: everything CI runs
test: neo4j corenlp check-generate vet
	DIPGRAPH_REQUIRE_NEO4J=1 DIPGRAPH_REQUIRE_CORENLP=1 $(GO) test -p 1 -count=1 ./...

neo4j:
	@$(NEO4JCTL) start

neo4j-stop:
	@$(NEO4JCTL) stop

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

test-integration: neo4j
	DIPGRAPH_REQUIRE_NEO4J=1 $(GO) test -p 1 -count=1 ./graph/... ./cmd/...

golden:
	$(GO) test ./extract/... -update

# articles first: the figure that counts (the same as $(SHARED)/eval/score.py articles)
eval: corenlp
	$(GO) run ./cmd/dipgraph eval articles $(DIPGRAPH_EVAL)/articles-dev.jsonl
	$(GO) run ./cmd/dipgraph eval events $(DIPGRAPH_EVAL)/events-dev.jsonl
	$(GO) run ./cmd/dipgraph eval actors $(DIPGRAPH_EVAL)/actors-dev.jsonl

bench:
	DIPGRAPH_CORPUS=$(SHARED)/corpus $(GO) test -run '^$$' -bench . -benchmem -count 5 ./extract/

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

clean:
	rm -rf bin
