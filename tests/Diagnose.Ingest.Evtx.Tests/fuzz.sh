#!/usr/bin/env bash
# The long fuzz run of issue 14: the same seeded cases as CI, more of them (default 100,000 single-fault EVTX
# mutants, plus a sixth as many multi-fault ones and a fifteenth as many EVT ones). Prints the cases, failures and time.
# Usage: tests/Diagnose.Ingest.Evtx.Tests/fuzz.sh [single-fault cases]
set -euo pipefail
cd "$(dirname "$0")/../.."
cases="${1:-100000}"
start=$(date +%s)
status=0
DIAGNOSE_FUZZ_CASES="$cases" dotnet test tests/Diagnose.Ingest.Evtx.Tests -c Release \
  --filter "FullyQualifiedName~Diagnose.Ingest.Evtx.Tests.Fuzz.FuzzTests|Name=Evt_SingleFaults_CountEveryDeclaredRecordOnce" \
  --logger "console;verbosity=minimal" --results-directory "${TMPDIR:-/tmp}/diagnose-fuzz" || status=$?
end=$(date +%s)
echo "fuzz: $cases single-fault + $((cases / 6)) multi-fault EVTX cases + $((cases / 15)) EVT cases in $((end - start)) s (build included), exit $status"
exit $status
