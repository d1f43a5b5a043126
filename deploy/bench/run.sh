#!/usr/bin/env bash
# run.sh -- dipgraph's API benchmark against @neo4j/graphql, end to end:
# a Neo4j of its own (never the 7687/7688 servers that tests wipe), the
# whole dev corpus ingested, `dipgraph serve` and the @neo4j/graphql server
# on loopback, `dipgraph bench` against both in one run, then everything it
# started is stopped. See README.md beside this file.
#
# Environment (defaults):
#   DIPGRAPH_CORPUS        ../shared/corpus (from the repository root); dev.jsonl is ingested
#   BENCH_NEO4J_HOME       $HOME/.cache/dipgraph/neo4j-bench
#   BENCH_BOLT_PORT        7689          (7687 and 7688 are refused)
#   BENCH_DIPGRAPH_PORT    8089          BENCH_NEO4JGRAPHQL_PORT 4089 (and +1 for the flat variant)
#   BENCH_FLAT             1: also run @neo4j/graphql with entities as one type
#                          (typedefs-flat.graphql), its faster mapping; 0: only the interface one
#   BENCH_INGEST           auto: ingest unless the database already holds as many
#                          articles as dev.jsonl has lines; always; never
#   BENCH_DURATION 20s  BENCH_WARMUP 5s  BENCH_CONCURRENCY 4  BENCH_RUNS 3
#   BENCH_OUT              where to copy the report (default: stdout only)
#   BENCH_KEEP=1           leave Neo4j running afterwards (the servers always stop)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BENCH=$ROOT/deploy/bench
CORPUS=${DIPGRAPH_CORPUS:-../shared/corpus}
BOLT_PORT=${BENCH_BOLT_PORT:-7689}
DG_PORT=${BENCH_DIPGRAPH_PORT:-8089}
NG_PORT=${BENCH_NEO4JGRAPHQL_PORT:-4089}
export DIPGRAPH_NEO4J_HOME=${BENCH_NEO4J_HOME:-$HOME/.cache/dipgraph/neo4j-bench}
export NEO4J_BOLT_PORT=$BOLT_PORT
export NEO4J_URI=bolt://127.0.0.1:$BOLT_PORT
export NEO4J_USER=neo4j NEO4J_PASSWORD=dipgraph-dev NEO4J_DATABASE=neo4j
# The whole corpus's graph fits in memory; the bench server gets its own.
export NEO4J_HEAP=${NEO4J_HEAP:-2g} NEO4J_PAGECACHE=${NEO4J_PAGECACHE:-1g}

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

case $BOLT_PORT in 7687 | 7688) die "port $BOLT_PORT belongs to the test servers, which wipe their data; use another" ;; esac
[[ -f $CORPUS/dev.jsonl ]] || die "no $CORPUS/dev.jsonl (set DIPGRAPH_CORPUS)"
command -v node >/dev/null && command -v npm >/dev/null || die "needs node >= 20 and npm"

TMP=$(mktemp -d)
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ ${BENCH_KEEP:-} != 1 ]]; then "$ROOT/deploy/neo4j/neo4jctl" stop >&2 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

log "building dipgraph"
go build -o "$TMP/dipgraph" ./cmd/dipgraph
if [[ ! -d $BENCH/neo4j-graphql/node_modules ]] ||
   [[ $BENCH/neo4j-graphql/package-lock.json -nt $BENCH/neo4j-graphql/node_modules ]]; then
  log "installing the @neo4j/graphql server (npm ci)"
  (cd "$BENCH/neo4j-graphql" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

log "starting the benchmark's Neo4j on $NEO4J_URI (home $DIPGRAPH_NEO4J_HOME)"
"$ROOT/deploy/neo4j/neo4jctl" start >/dev/null

articles() { # how many articles the database holds
  (cd "$BENCH/neo4j-graphql" && node --input-type=module -e '
    import neo4j from "neo4j-driver";
    const d = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD));
    const r = await d.executeQuery("MATCH (a:Article) RETURN count(a) AS n", {}, { database: process.env.NEO4J_DATABASE });
    console.log(r.records[0].get("n").toString());
    await d.close();')
}
want=$(grep -c . "$CORPUS/dev.jsonl")
have=$(articles)
case ${BENCH_INGEST:-auto} in
  always) ingest=1 ;;
  never) ingest= ;;
  auto) if [[ $have == "$want" ]]; then ingest=; else ingest=1; fi ;;
  *) die "BENCH_INGEST must be auto, always or never" ;;
esac
if [[ -n $ingest ]]; then
  log "ingesting $want articles of $CORPUS/dev.jsonl (the database holds $have; takes minutes)"
  start=$SECONDS
  "$TMP/dipgraph" ingest -q "$CORPUS/dev.jsonl" >&2
  log "ingested in $((SECONDS - start)) s"
else
  log "the database already holds the $have articles of dev.jsonl; not ingesting (BENCH_INGEST=always to redo)"
fi

log "starting dipgraph serve on 127.0.0.1:$DG_PORT and @neo4j/graphql on 127.0.0.1:$NG_PORT"
"$TMP/dipgraph" serve -addr "127.0.0.1:$DG_PORT" >"$TMP/dipgraph.log" 2>&1 &
PIDS+=($!)
(cd "$BENCH/neo4j-graphql" && PORT=$NG_PORT exec node server.js) >"$TMP/neo4j-graphql.log" 2>&1 &
PIDS+=($!)
URLS="http://127.0.0.1:$DG_PORT/graphql,http://127.0.0.1:$NG_PORT/"
MIXES="$BENCH/mix-dipgraph.json,$BENCH/mix-neo4jgraphql.json"
if [[ ${BENCH_FLAT:-1} == 1 ]]; then
  (cd "$BENCH/neo4j-graphql" && TYPEDEFS=typedefs-flat.graphql PORT=$((NG_PORT + 1)) exec node server.js) >"$TMP/neo4j-graphql-flat.log" 2>&1 &
  PIDS+=($!)
  URLS+=",http://127.0.0.1:$((NG_PORT + 1))/"
  MIXES+=",$BENCH/mix-neo4jgraphql-flat.json"
fi

ready() { # url -> true once the endpoint answers a GraphQL request
  local i
  for ((i = 0; i < 120; i++)); do
    if curl -sf -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$1" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}
ready "http://127.0.0.1:$DG_PORT/graphql" || { cat "$TMP/dipgraph.log" >&2; die "dipgraph serve did not start"; }
ready "http://127.0.0.1:$NG_PORT/" || { cat "$TMP/neo4j-graphql.log" >&2; die "the @neo4j/graphql server did not start"; }
if [[ ${BENCH_FLAT:-1} == 1 ]]; then
  ready "http://127.0.0.1:$((NG_PORT + 1))/" || { cat "$TMP/neo4j-graphql-flat.log" >&2; die "the flat @neo4j/graphql server did not start"; }
fi

# The comparison holds only if both sides answer alike.
if command -v python3 >/dev/null; then
  log "checking that the APIs give the same answers"
  "$BENCH/same_answers.py" "http://127.0.0.1:$DG_PORT/graphql" "http://127.0.0.1:$NG_PORT/" "$BENCH/mix-neo4jgraphql.json" >&2
  if [[ ${BENCH_FLAT:-1} == 1 ]]; then
    "$BENCH/same_answers.py" "http://127.0.0.1:$DG_PORT/graphql" "http://127.0.0.1:$((NG_PORT + 1))/" "$BENCH/mix-neo4jgraphql-flat.json" >&2
  fi
else
  log "no python3: not checking that the answers agree"
fi

{
  echo "# dipgraph $(git describe --always --dirty) vs @neo4j/graphql $(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).version' "$BENCH/neo4j-graphql/node_modules/@neo4j/graphql/package.json"), $(date -u +%FT%TZ)"
  echo "# $(uname -srm); $(nproc) cores; $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $(go version | cut -d' ' -f3-4); node $(node --version); Neo4j on $NEO4J_URI, $have articles"
  "$TMP/dipgraph" bench -url "$URLS" -mix "$MIXES" \
    -duration "${BENCH_DURATION:-20s}" -warmup "${BENCH_WARMUP:-5s}" \
    -concurrency "${BENCH_CONCURRENCY:-4}" -runs "${BENCH_RUNS:-3}"
} | if [[ -n ${BENCH_OUT:-} ]]; then tee "$BENCH_OUT"; else cat; fi
