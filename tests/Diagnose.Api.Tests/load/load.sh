#!/usr/bin/env bash
# Bounded load test on loopback: starts the real service (`diagnose serve`, Release build) on a fresh
# database, sends REQUESTS uploads of a bundled incident with CONCURRENCY at a time, checks every
# response (201, the expected article) and that every analysis was stored, prints requests/s and
# p50/p99 latency, and stops the server. Usage: load.sh [REQUESTS=200] [CONCURRENCY=8] [PORT=5391]
set -euo pipefail
requests="${1:-200}"
concurrency="${2:-8}"
port="${3:-5391}"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
incident="$repo/samples/incidents/KB293302-wins-rolling-upgrade"
work="$(mktemp -d)"
base="http://127.0.0.1:$port"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$repo/src/Diagnose.Cli" -c Release -o "$work/bin" >"$work/build.log" || { cat "$work/build.log"; exit 1; }
"$work/bin/diagnose" serve --urls "$base" --db "$work/data/diagnose.db" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -sf "$base/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -sf "$base/health" >/dev/null || { echo "server did not start"; cat "$work/server.log"; exit 1; }

form=()
for file in "$incident"/*; do form+=(-F "file=@$file"); done
bytes=$(cat "$incident"/* | wc -c)

mkdir -p "$work/responses"

# Warm-up request (first request JIT-compiles the path); not counted.
curl -s -o /dev/null "${form[@]}" "$base/api/analyses"

start=$(date +%s.%N)
# Each worker runs curl with the same form; the form is rebuilt from the incident folder inside.
seq 1 "$requests" | xargs -P "$concurrency" -I{} bash -c '
  args=(); for f in '"$incident"'/*; do args+=(-F "file=@$f"); done
  curl -s -o "'"$work"'/responses/{}.json" -w "%{http_code} %{time_total}\n" "${args[@]}" "'"$base"'/api/analyses"
' >"$work/results.txt"
end=$(date +%s.%N)

ok=$(awk '$1 == 201' "$work/results.txt" | wc -l)
bad=$(awk '$1 != 201' "$work/results.txt" | wc -l)
wrong=0
for response in "$work"/responses/*.json; do
  grep -q '"kb": "KB293302"' "$response" && grep -q '"status": "done"' "$response" || wrong=$((wrong + 1))
done
stored=$(curl -s "$base/api/analyses?kb=KB293302&limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')

awk '{print $2}' "$work/results.txt" | sort -n >"$work/latencies.txt"
count=$(wc -l <"$work/latencies.txt")
p50=$(awk -v n="$count" 'NR == int((n * 50 + 99) / 100) {print $1 * 1000}' "$work/latencies.txt")
p99=$(awk -v n="$count" 'NR == int((n * 99 + 99) / 100) {print $1 * 1000}' "$work/latencies.txt")
rate=$(awk -v n="$requests" -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", n / (e - s)}')

echo "uploads: $requests x $(ls "$incident" | wc -l) files ($bytes bytes each), concurrency $concurrency, loopback"
echo "responses: $ok x 201, $bad other, $wrong without the expected diagnosis; stored: $stored (incl. 1 warm-up)"
echo "throughput: $rate requests/s; latency p50 ${p50} ms, p99 ${p99} ms"
[ "$ok" -eq "$requests" ] && [ "$wrong" -eq 0 ] && [ "$stored" -eq $((requests + 1)) ] || { echo "LOAD TEST FAILED"; tail -20 "$work/server.log"; exit 1; }
echo "load test passed"
