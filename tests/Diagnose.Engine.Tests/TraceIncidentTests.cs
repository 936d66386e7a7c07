using System.Diagnostics.Tracing;
using Diagnose.Core.Diagnostics;
using Diagnose.TraceEmitter;

namespace Diagnose.Engine.Tests;

/// <summary>
/// The Q188674 incident's events written by EventSources named after their providers (MSExchangeDS,
/// ClusSvc), recorded as a real .nettrace, must be diagnosed like the event-log version.
/// Traces carry no computer name: the node comes from the file name, EXNODEA_trace.nettrace.
/// </summary>
[TestClass]
public sealed class TraceIncidentTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Analyze_IncidentEventsInATrace_GiveTheSameDiagnosisAsTheEventLogs()
    {
        var folder = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"trace-incident-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var trace = Path.Combine(folder, "EXNODEA_trace.nettrace");
        try
        {
            await TraceRecording.RecordAsync("incident", ["MSExchangeDS", "ClusSvc"], trace, TimeSpan.FromSeconds(30));

            var fromTrace = Engine.Analyze(trace);
            var fromLogs = Engine.Analyze(Engine.Sample("incidents/Q188674-exchange-ds-restore"));

            Assert.AreEqual("nettrace", fromTrace.Inputs.Single().Format);
            var expected = fromLogs.Diagnoses.Single();
            var actual = fromTrace.Diagnoses.Single();
            Assert.AreEqual((expected.Kb, expected.Rule, expected.RootCause, string.Join(",", expected.Nodes)), (actual.Kb, actual.Rule, actual.RootCause, string.Join(",", actual.Nodes)));
            CollectionAssert.AreEqual(
                expected.Evidence.Select(e => $"{e.Provider} {e.EventId} {e.Node}").ToArray(),
                actual.Evidence.Select(e => $"{e.Provider} {e.EventId} {e.Node}").ToArray());
            Assert.AreEqual(expected.Fix?.Plan, actual.Fix?.Plan);

            // The logs show the directory started outside the cluster (SCM 7036) before their 1024, so it is benign there;
            // the trace has no Service Control Manager events, so its 1024 stays unexplained (issue 13).
            Assert.AreEqual("ClusSvc 1024 EXNODEA", string.Join(",", fromLogs.Benign.Select(e => $"{e.Provider} {e.EventId} {e.Node}")));
            Assert.IsEmpty(fromTrace.Benign);
            Assert.AreEqual("ClusSvc 1024", string.Join(",", fromTrace.Unexplained.Select(e => $"{e.Provider} {e.EventId}")));
            Assert.IsEmpty(fromLogs.Unexplained);
            Assert.IsTrue(actual.Evidence.All(e => e.Source == trace && e.Record is > 0));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [Timeout(90_000, CooperativeCancellation = true)]
    public async Task Analyze_EsentEventsInTwoNodesTraces_GiveTheSameDiagnosisAsTheEventLogs()
    {
        var folder = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"trace-esent-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var upgraded = Path.Combine(folder, "NODE2_trace.nettrace");
        var unreadable = Path.Combine(folder, "NODE1_trace.nettrace");
        try
        {
            // The 2003 node's engine upgrades the database first; the Windows 2000 node fails on it afterwards.
            await TraceRecording.RecordAsync("esent-upgraded", ["ESENT"], upgraded, TimeSpan.FromSeconds(30));
            await TraceRecording.RecordAsync("esent-unreadable", ["ESENT"], unreadable, TimeSpan.FromSeconds(30));
            var sample = Engine.Sample("incidents/KB293302-wins-rolling-upgrade");

            var fromTraces = Engine.Analyze(upgraded, unreadable, Path.Combine(sample, "snapshot.json"));
            var fromLogs = Engine.Analyze(sample);

            var expected = fromLogs.Diagnoses.Single();
            var actual = fromTraces.Diagnoses.Single();
            Assert.AreEqual((expected.Kb, expected.Rule, string.Join(",", expected.Nodes), expected.Fix?.Plan), (actual.Kb, actual.Rule, string.Join(",", actual.Nodes), actual.Fix?.Plan));
            var esent = new[] { "ESENT 609 NODE2", "ESENT 412 NODE1" };
            CollectionAssert.IsSubsetOf(esent, expected.Evidence.Select(e => $"{e.Provider} {e.EventId} {e.Node}").ToArray());
            CollectionAssert.AreEquivalent(esent, actual.Evidence.Where(e => e.Provider is not null).Select(e => $"{e.Provider} {e.EventId} {e.Node}").ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void DiagnoseEventSource_Manifest_IsValid()
    {
        var manifest = EventSource.GenerateManifest(typeof(DiagnoseEventSource), "Diagnose.Core.dll", EventManifestOptions.Strict);

        Assert.IsNotNull(manifest);
        StringAssert.Contains(manifest, "name=\"Diagnose\"");
        StringAssert.Contains(manifest, "symbol=\"ValidationVerdict\"", "the fix validator's verdict event");
        Assert.AreEqual("Diagnose", EventSource.GetName(typeof(DiagnoseEventSource)));
    }
}
