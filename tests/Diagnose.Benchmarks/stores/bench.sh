#!/usr/bin/env bash
# Store benchmark: uploads/s on SQLite vs PostgreSQL at a fixed concurrency, and re-analysis throughput
# with one and two service instances on one PostgreSQL database. Prints the figures and their ratios.
#   tests/Diagnose.Benchmarks/stores/bench.sh [uploads] [concurrency] [cases]     (defaults 200 8 200)
# Uses DIAGNOSE_TEST_POSTGRES when set, else starts a throwaway server with .ci/postgres.
set -euo pipefail
cd "$(dirname "$0")/../../.."
uploads=${1:-200}; concurrency=${2:-8}; cases=${3:-200}
incident=samples/incidents/Q217147-clusdb-zero-bytes

dotnet build -c Release src/Diagnose.Cli >/dev/null
cli=(dotnet src/Diagnose.Cli/bin/Release/net10.0/diagnose.dll)
[ -f "${cli[1]}" ] || cli=(dotnet "$(ls src/Diagnose.Cli/bin/Release/net10.0/*.Cli.dll | head -n 1)")

work=$(mktemp -d /tmp/diagnose-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${DIAGNOSE_PG_DIR:-}" ] && [ -n "${started_pg:-}" ] && bash .ci/postgres stop "$DIAGNOSE_PG_DIR"
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${DIAGNOSE_TEST_POSTGRES:-}" ]; then eval "$(bash .ci/postgres start)"; started_pg=1; fi
server=${DIAGNOSE_TEST_POSTGRES%/*}

newdb() { local name="bench_$RANDOM$RANDOM"; psql -q "$DIAGNOSE_TEST_POSTGRES" -c "CREATE DATABASE $name" >/dev/null; echo "$server/$name"; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# serve DB UPLOADS NAME [extra args…]: starts an instance, waits for /health 200, prints its base URL.
serve() {
  local db=$1 dir=$2 name=$3; shift 3
  local p; p=$(port)
  # `serve` takes only its own options; the log level goes through the environment, as for any ASP.NET Core host.
  Logging__LogLevel__Default=Warning "${cli[@]}" serve --urls "http://127.0.0.1:$p" --db "$db" --uploads "$dir" \
    --instance-id "$name" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$work/$name.pid"
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/health" || true)" = 200 ] && { echo "http://127.0.0.1:$p"; return; }
    sleep 0.1
  done
  echo "instance $name did not start" >&2; cat "$work/$name.log" >&2; exit 1
}
stop() { kill "$(cat "$work/$1.pid")"; wait "$(cat "$work/$1.pid")" 2>/dev/null || true; }

form=(); for f in "$incident"/*; do form+=(-F "f=@$f"); done
upload_rate() {  # URL COUNT KEEP → uploads/s
  local url=$1 n=$2 keep=$3 start end
  curl -s -o /dev/null "${form[@]}" "$url/api/analyses"   # warm-up
  start=$(date +%s.%N)
  seq 1 "$n" | xargs -P "$concurrency" -I{} curl -s -o /dev/null -w '%{http_code}\n' "${form[@]}" "$url/api/analyses?keep=$keep" >"$work/codes"
  end=$(date +%s.%N)
  [ "$(grep -c '^201$' "$work/codes")" = "$n" ] || { echo "not every upload answered 201" >&2; exit 1; }
  python3 -c "print(f'{$n / ($end - $start):.1f}')"
}

sqlite_url=$(serve "$work/sqlite/diagnose.db" "$work/sqlite/uploads" sqlite)
sqlite_rate=$(upload_rate "$sqlite_url" "$uploads" false); stop sqlite
pg_db=$(newdb)
pg_url=$(serve "$pg_db" "$work/pg/uploads" pg)
pg_rate=$(upload_rate "$pg_url" "$uploads" false); stop pg
echo "uploads/s at concurrency $concurrency ($uploads uploads of $(basename "$incident")): SQLite $sqlite_rate, PostgreSQL $pg_rate, PostgreSQL/SQLite $(python3 -c "print(f'{$pg_rate / $sqlite_rate:.2f}')")"

# Re-analysis: the same stored cases, once with one instance taking jobs, once with two.
ra_db=$(newdb)
a=$(serve "$ra_db" "$work/ra/uploads" ra-a)
upload_rate "$a" "$cases" true >/dev/null
reanalyse() {  # URL → seconds until the re-analysis is done
  local url=$1 location start status
  start=$(date +%s.%N)
  location=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d '{"all": true}' "$url/api/reanalyses" | tr -d '\r' | sed -n 's/^Location: //Ip')
  while :; do
    status=$(curl -s "$url$location" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = done ] && break
    sleep 0.05
  done
  python3 -c "import time; print(f'{time.time() - $start:.2f}')"
}
one=$(reanalyse "$a")
b=$(serve "$ra_db" "$work/ra/uploads" ra-b)
two=$(reanalyse "$a")
jobs=$cases  # the warm-up upload is not kept, so it is not re-analysed
echo "re-analysis of $jobs cases: 1 instance $one s ($(python3 -c "print(f'{$jobs / $one:.1f}')") cases/s), 2 instances $two s ($(python3 -c "print(f'{$jobs / $two:.1f}')") cases/s), 2/1 throughput $(python3 -c "print(f'{$one / $two:.2f}')")"
