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
dotnet add package Diagnose.Engine --version 0.1.0 >/dev/null
cat > Program.cs <<'CS'
using Diagnose.Analysis;

var engine = DiagnoseEngine.Load();
var report = await engine.AnalyzeAsync(Directory.GetFiles(args[0]).Select(AnalysisInput.FromFile));
foreach (var diagnosis in report.Diagnoses)
{
    Console.WriteLine($"{diagnosis.Kb} {diagnosis.Rule} evidence={diagnosis.Evidence.Count}");
}
CS
dotnet run -- "$repo/samples/incidents/Q188674-exchange-ds-restore" | tee "$work/out.txt"
grep -q '^Q188674 ' "$work/out.txt"
test -f bin/Debug/net10.0/rules/facts/windows.facts.json && test -f bin/Debug/net10.0/kb/Q188674.json
echo "built-in rules and articles were copied to the app's output"
echo "package verified"
