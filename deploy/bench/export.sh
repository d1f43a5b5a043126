#!/usr/bin/env bash
# export.sh -- does an export's memory grow with its size? For each format,
# `dipgraph export` of a small selection (-country AZE) and of the whole
# graph, with its size, its time and the peak resident memory of the
# process (GNU time's %M), against the Neo4j at $NEO4J_URI.
#
# Load the graph first, e.g. the dev corpus without the parser:
#   bin/dipgraph ingest -parse=false ../shared/corpus/dev.jsonl
# or set EXPORT_BENCH_INGEST=1 to have this script do it.
#
# Environment (defaults):
#   NEO4J_URI            bolt://127.0.0.1:7687 (the server is read, not wiped)
#   DIPGRAPH_CORPUS      ../shared/corpus (for EXPORT_BENCH_INGEST=1)
#   EXPORT_BENCH_SMALL   -country AZE   the small selection's filter flags
#   EXPORT_BENCH_FORMATS every format
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
CORPUS=${DIPGRAPH_CORPUS:-../shared/corpus}
SMALL=${EXPORT_BENCH_SMALL:--country AZE}
FORMATS=${EXPORT_BENCH_FORMATS:-graphml gexf cyjs json timelinejs ics csv gephi-nodes gephi-edges}
TIME=$(command -v /usr/bin/time || true)
[[ -x $TIME ]] || { echo "export.sh: needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 1; }

go build -o bin/dipgraph ./cmd/dipgraph
if [[ ${EXPORT_BENCH_INGEST:-0} == 1 ]]; then
	bin/dipgraph ingest -parse=false -q "$CORPUS/dev.jsonl" >&2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-12s %-6s %10s %8s %8s\n' format select MB seconds peakMB
for f in $FORMATS; do
	for sel in small full; do
		flags=()
		[[ $sel == small ]] && read -r -a flags <<<"$SMALL"
		"$TIME" -o "$out/time" -f '%e %M' bin/dipgraph export -format "$f" "${flags[@]}" -o "$out/$f"
		read -r secs kb <"$out/time"
		bytes=$(stat -c %s "$out/$f")
		awk -v f="$f" -v s="$sel" -v b="$bytes" -v t="$secs" -v k="$kb" 'BEGIN { printf "%-12s %-6s %10.2f %8.2f %8.1f\n", f, s, b / 1e6, t, k / 1024 }'
	done
done
