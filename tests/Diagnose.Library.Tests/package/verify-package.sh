#!/usr/bin/env bash
# Packs the library into a throwaway local folder feed, installs Diagnose.Engine from that feed into a
# new console app (no project reference), and runs it on a bundled incident: checks that the package's
# dependencies, XML docs, readme and built-in rules/kb really arrive. Not part of .ci/run (it restores).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"

dotnet pack "$repo/Diagnose.sln" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true >"$work/pack.log" || { cat "$work/pack.log"; exit 1; }
echo "packages:"; ls "$feed"

# The package holds the assembly, its XML docs, the readme and the rules/kb content files.
listing="$(unzip -l "$feed/Diagnose.Engine.0.1.0.nupkg" | awk '{print $4}')"
for expected in lib/net10.0/Diagnose.Engine.dll lib/net10.0/Diagnose.Engine.xml README.md \
    contentFiles/any/any/rules/facts/windows.facts.json contentFiles/any/any/kb/KB293302.json; do
  grep -qx "$expected" <<<"$listing" || { echo "missing from the package: $expected"; exit 1; }
done
echo "package holds the assembly, its XML docs, the readme, $(grep -c '^contentFiles/any/any/rules/' <<<"$listing") rule files and $(grep -c '^contentFiles/any/any/kb/' <<<"$listing") articles"
unzip -p "$feed/Diagnose.Engine.0.1.0.nupkg" Diagnose.Engine.nuspec | grep -E '<dependency |<readme>'

# Exactly the seven library packages (the CLI and the service are not libraries), each with its docs and readme,
# and each depending on the layers below it.
packages="$(cd "$feed" && ls *.nupkg | sort | tr '\n' ' ')"
[ "$packages" = "Diagnose.Core.0.1.0.nupkg Diagnose.Engine.0.1.0.nupkg Diagnose.Ingest.0.1.0.nupkg Diagnose.Ingest.Evtx.0.1.0.nupkg Diagnose.Knowledge.0.1.0.nupkg Diagnose.Rules.0.1.0.nupkg Diagnose.Simulation.0.1.0.nupkg " ] \
  || { echo "unexpected packages: $packages"; exit 1; }
depends() { # package, then the ids it must depend on
  local nuspec; nuspec="$(unzip -p "$feed/$1.0.1.0.nupkg" "$1.nuspec")"; shift
  for id in "$@"; do grep -q "<dependency id=\"$id\" version=\"[^\"]*\"" <<<"$nuspec" || { echo "missing dependency: $id"; exit 1; }; done
}
for p in Diagnose.Core Diagnose.Ingest Diagnose.Ingest.Evtx Diagnose.Rules Diagnose.Knowledge Diagnose.Simulation; do
  listing="$(unzip -l "$feed/$p.0.1.0.nupkg" | awk '{print $4}')"
  for expected in "lib/net10.0/$p.dll" "lib/net10.0/$p.xml" README.md; do
    grep -qx "$expected" <<<"$listing" || { echo "missing from $p: $expected"; exit 1; }
  done
done
depends Diagnose.Engine Diagnose.Core Diagnose.Ingest Diagnose.Rules Diagnose.Knowledge Diagnose.Simulation
depends Diagnose.Simulation Diagnose.Core Diagnose.Knowledge Diagnose.Ingest.Evtx Newtonsoft.Json
echo "seven packages, each with its assembly, XML docs and readme; Engine depends on Simulation, Simulation on Ingest.Evtx"

app="$work/app"
mkdir -p "$app"
cd "$app"
dotnet new console --framework net10.0 -o . >/dev/null
# The throwaway app is outside the repository, so none of its central package settings apply.
cat > nuget.config <<CONFIG
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
    <add key="nuget" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
# A private package cache: the shared one may hold an older Diagnose.*.0.1.0 from an earlier pack, which
# NuGet would use instead of the feed's (same id and version), and the check would test stale packages.
export NUGET_PACKAGES="$work/nuget-packages"
dotnet add package Diagnose.Engine --version 0.1.0 >/dev/null
cat > Program.cs <<'CS'
using Diagnose.Analysis;
using Diagnose.Simulation.Output;
using Diagnose.Simulation.Scenarios;

var engine = DiagnoseEngine.Load();
var report = await engine.AnalyzeAsync(Directory.GetFiles(args[0]).Select(AnalysisInput.FromFile));
foreach (var diagnosis in report.Diagnoses)
{
    Console.WriteLine($"{diagnosis.Kb} {diagnosis.Rule} evidence={diagnosis.Evidence.Count} fix={diagnosis.Fix?.Validation?.Verdict}");
}

// The simulator arrives with the engine: a simulated incident, written as .evtx, is diagnosed too.
var run = ScenarioCatalog.Find("KB293302")!.Run(new ScenarioOptions(Seed: 3));
var files = SimulationOutput.Write(run, args[1]);
var simulated = await engine.AnalyzeAsync(files.Select(AnalysisInput.FromFile));
Console.WriteLine($"simulated: {files.Count(f => f.EndsWith(".evtx"))} evtx, {string.Join(",", simulated.Inputs.Select(i => i.Format).Distinct())} read, diagnoses {string.Join(",", simulated.Diagnoses.Select(d => d.Kb).Distinct())}");
CS
dotnet run -- "$repo/samples/incidents/Q188674-exchange-ds-restore" "$work/simulated" | tee "$work/out.txt"
grep -q '^Q188674 .* fix=validated$' "$work/out.txt"
grep -q '^simulated: [1-9][0-9]* evtx, evtx,snapshot read, diagnoses KB293302$' "$work/out.txt"
test -f bin/Debug/net10.0/rules/facts/windows.facts.json && test -f bin/Debug/net10.0/kb/Q188674.json
echo "built-in rules and articles were copied to the app's output"
echo "package verified"
