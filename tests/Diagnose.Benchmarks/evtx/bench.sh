#!/usr/bin/env bash
# EVTX throughput: libevtx's evtxexport, python-evtx and `diagnose events --format tsv`, side by side in one run.
#   usage: tests/Diagnose.Benchmarks/evtx/bench.sh [RUNS]        (RUNS default 3, plus one warm-up run each)
#   env:   LARGE_MB  size of the writer-built large file for the throughput comparison (default 20)
#          MEM_MB    size of the writer-built file for diagnose's peak memory (default 1000; 0 skips)
#          BENCH_DIR work folder (default /tmp/diagnose-evtx-bench; the large files are kept there and reused)
#          PY        which sets python-evtx runs on: all (default), corpus, none (it reads 60-500 records/s)
# Needs the .NET 10 SDK and the Debian packages libevtx-utils (evtxexport) and python3-evtx (evtx_dump.py).
# Every figure is whole-process wall time, start-up included, output to /dev/null:
#   evtxexport FILE                     once per file, as users run it
#   python3 evtx_dump.py FILE           once per file (one timed run: it is slow)
#   diagnose events FILES… --format tsv one process over all files; also once per file for comparison
# Records are each tool's own count of what it printed (evtxexport "Event number" lines, python-evtx
# "<Event xmlns" lines, diagnose TSV lines), so records/s credits each tool only with records it produced.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
samples=$root/tests/Diagnose.Ingest.Evtx.Tests/Samples/evtx
work=${BENCH_DIR:-/tmp/diagnose-evtx-bench}
runs=${1:-3}
large_mb=${LARGE_MB:-20}
mem_mb=${MEM_MB:-1000}
py_sets=${PY:-all}
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v evtxexport >/dev/null || { echo "evtxexport missing: apt-get install libevtx-utils" >&2; exit 2; }
dump=$(command -v evtx_dump.py) || { echo "evtx_dump.py missing: apt-get install python3-evtx" >&2; exit 2; }
py=/usr/bin/python3

echo "building diagnose (Release, ReadyToRun, linux-x64)…" >&2
dotnet publish "$root/src/Diagnose.Cli" -c Release -r linux-x64 --self-contained false -o "$work/diagnose" -v q -nologo >&2
diag=$work/diagnose/diagnose

make_large() {  # FILE MB
  if [ ! -s "$1" ]; then
    echo "writing $1 (~$2 MB) with EvtxWriter…" >&2
    (cd "$here" && dotnet run -c Release make-large.cs -- "$1" "$2" "$samples" >&2)
  fi
}
large=$work/large-${large_mb}MB.evtx
make_large "$large" "$large_mb"

mapfile -t corpus < <(ls "$samples"/*.evtx | sort)
bytes() { local t=0 f; for f in "$@"; do t=$((t + $(stat -c %s "$f"))); done; echo $t; }

# Per-tool commands over a list of files.
run_evtxexport() { local f; for f in "$@"; do evtxexport "$f" >/dev/null 2>&1 || true; done; }
run_python()     { local f; for f in "$@"; do "$py" "$dump" "$f" 2>/dev/null || true; done | grep -c '^<Event xmlns' >"$work/python-count" || true; }
run_diagnose()   { "$diag" events "$@" --format tsv >/dev/null 2>&1 || true; }
run_diag_each()  { local f; for f in "$@"; do "$diag" events "$f" --format tsv >/dev/null 2>&1 || true; done; }
count_evtxexport() { local f n=0 c; for f in "$@"; do c=$(evtxexport "$f" 2>/dev/null | grep -c '^Event number' || true); n=$((n + c)); done; echo $n; }
count_diagnose()   { "$diag" events "$@" --format tsv 2>/dev/null | wc -l; }

# Prints min and median wall seconds of: time_runs RUNS WARMUP(0|1) cmd files…
time_runs() {
  local n=$1 warm=$2; shift 2
  local i t0 t1
  if [ "$warm" = 1 ]; then "$@"; fi
  for ((i = 0; i < n; i++)); do t0=$(date +%s%N); "$@"; t1=$(date +%s%N); echo $(( t1 - t0 )); done \
    | sort -n | awk '{ t[NR] = $1 / 1e9 } END { n = NR; med = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2; printf "%.3f %.3f\n", t[1], med }'
}

declare -A RATE
row() {  # set name records min med bytes
  local set=$1 name=$2 rec=$3 min=$4 med=$5 b=$6
  RATE["$set/$name"]=$(awk -v r="$rec" -v m="$med" 'BEGIN { printf "%.0f", r / m }')
  awk -v set="$set" -v name="$name" -v rec="$rec" -v min="$min" -v med="$med" -v b="$b" \
    'BEGIN { printf "%-8s %-26s %8d %9.3f %9.3f %11.0f %11.0f %8.2f\n", set, name, rec, min, med, rec / min, rec / med, b / 1e6 / med }'
}

bench_set() {  # set-name files…
  local set=$1; shift
  local b r t
  b=$(bytes "$@")
  r=$(count_evtxexport "$@"); t=$(time_runs "$runs" 1 run_evtxexport "$@"); row "$set" "evtxexport (per file)" "$r" $t "$b"
  if [ "$py_sets" = all ] || [ "$py_sets" = "$set" ]; then
    # One timed run that also counts what python-evtx printed (a second pass would take minutes).
    t=$(time_runs 1 0 run_python "$@"); row "$set" "python-evtx (per file)" "$(cat "$work/python-count")" $t "$b"
  fi
  r=$(count_diagnose "$@");   t=$(time_runs "$runs" 1 run_diag_each "$@");  row "$set" "diagnose (per file)" "$r" $t "$b"
  t=$(time_runs "$runs" 1 run_diagnose "$@");                                row "$set" "diagnose (one process)" "$r" $t "$b"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; shared with other builds: timings are noisy"
echo "corpus: ${#corpus[@]} public samples, $(bytes "${corpus[@]}") bytes; large: $(stat -c %s "$large") bytes written by EvtxWriter"
echo "runs: $runs (+1 warm-up each); python-evtx: 1 run, no warm-up (it takes minutes)"
printf '%-8s %-26s %8s %9s %9s %11s %11s %8s\n' set tool records min_s median_s rec/s@min rec/s@med MB/s@med
bench_set corpus "${corpus[@]}"
bench_set large "$large"

for set in corpus large; do
  awk -v s="$set" -v d1="${RATE[$set/diagnose (one process)]}" -v d2="${RATE[$set/diagnose (per file)]}" \
      -v e="${RATE[$set/evtxexport (per file)]}" -v p="${RATE[$set/python-evtx (per file)]:-0}" \
    'BEGIN { printf "ratio %-6s diagnose one process / evtxexport = %.2fx, per file / evtxexport = %.2fx, one process / python-evtx = %s\n", s, d1 / e, d2 / e, (p > 0 ? sprintf("%.1fx", d1 / p) : "not run") }'
done

if [ "$mem_mb" -gt 0 ]; then
  big=$work/large-${mem_mb}MB.evtx
  make_large "$big" "$mem_mb"
  /usr/bin/time -v "$diag" events "$big" --format tsv 2>"$work/mem.txt" | wc -l >"$work/mem-records.txt" || true
  rss=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/mem.txt")
  wall=$(awk '/Elapsed \(wall clock\)/ { print $NF }' "$work/mem.txt")
  echo "peak memory: diagnose events $(stat -c %s "$big") bytes, $(cat "$work/mem-records.txt") records: max RSS $((rss / 1024)) MiB, wall $wall (target < 200 MB)"
fi
