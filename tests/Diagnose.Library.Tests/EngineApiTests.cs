using System.Diagnostics.Metrics;
using Diagnose.Analysis;

namespace Diagnose.Library.Tests;

/// <summary>The library's public surface: one engine, inputs as files or streams, progress, cancellation, load errors, metrics.</summary>
[TestClass]
public sealed class EngineApiTests
{
    private static readonly Lazy<DiagnoseEngine> Engine = new(() => DiagnoseEngine.Load());

    [TestMethod]
    public async Task AnalyzeAsync_StreamsThatCannotSeek_GiveTheSameReportAsTheFiles()
    {
        var folder = Samples.Incident("Q188674-exchange-ds-restore");
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        var fromFiles = await Engine.Value.AnalyzeAsync(files.Select(AnalysisInput.FromFile));

        var streams = files.Select(f => new ForwardOnlyStream(new MemoryStream(File.ReadAllBytes(f)))).ToList();
        var fromStreams = await Engine.Value.AnalyzeAsync(files.Select((f, i) => AnalysisInput.FromStream(Path.GetFileName(f), streams[i])));

        Assert.AreEqual("Q188674", fromStreams.Diagnoses.Single().Kb);
        Assert.AreEqual(fromFiles.Diagnoses.Single().RootCause, fromStreams.Diagnoses.Single().RootCause);
        CollectionAssert.AreEqual(
            fromFiles.Diagnoses.Single().Evidence.Select(e => (Path.GetFileName(e.Source), e.Record, e.Line)).ToList(),
            fromStreams.Diagnoses.Single().Evidence.Select(e => (e.Source, e.Record, e.Line)).ToList());
        CollectionAssert.AreEqual(fromFiles.Inputs.Select(i => i.Records).ToList(), fromStreams.Inputs.Select(i => i.Records).ToList());
        Assert.IsFalse(streams.Any(s => s.Disposed), "the caller owns the streams");
    }

    [TestMethod]
    public void Analyze_LazySequence_AsksForTheNextInputOnlyWhenThePreviousIsRead()
    {
        var files = Directory.GetFiles(Samples.Incident("KB293302-wins-rolling-upgrade")).Order(StringComparer.Ordinal).ToList();
        var handedOut = new List<ForwardOnlyStream>();
        IEnumerable<AnalysisInput> Inputs()
        {
            foreach (var file in files)
            {
                Assert.IsTrue(handedOut.All(s => s.AtEnd), "a new input was asked for before the previous one was read to its end");
                var stream = new ForwardOnlyStream(new MemoryStream(File.ReadAllBytes(file)));
                handedOut.Add(stream);
                yield return AnalysisInput.FromStream(Path.GetFileName(file), stream);
            }
        }

        var report = Engine.Value.Analyze(Inputs());

        Assert.AreEqual(files.Count, handedOut.Count);
        Assert.AreEqual("KB293302", report.Diagnoses.Single().Kb);
    }

    [TestMethod]
    public void Analyze_WithReporter_ReportsEachInputToItsEndWithTheRecordCount()
    {
        var files = Directory.GetFiles(Samples.Incident("Q217147-outdated-checkpoint")).Order(StringComparer.Ordinal).ToList();
        var seen = new List<AnalysisProgress>();
        var report = Engine.Value.Analyze(files.Select(AnalysisInput.FromFile), new AnalyzeOptions { Reporter = new SyncProgress(seen.Add) });

        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            var last = seen.Last(p => p.InputIndex == index);
            Assert.AreEqual(file, last.Input);
            Assert.AreEqual(new FileInfo(file).Length, last.BytesRead);
            Assert.AreEqual(last.TotalBytes, last.BytesRead);
        }

        // A snapshot counts as one record in its input but yields no event record.
        Assert.AreEqual(report.Inputs.Where(i => i.Format != "snapshot").Sum(i => i.Records), seen[^1].RecordsRead);
        Assert.IsTrue(seen.Zip(seen.Skip(1)).All(p => p.Second.RecordsRead >= p.First.RecordsRead), "the record count never goes back");
    }

    [TestMethod]
    public async Task AnalyzeAsync_CancelledWhileReading_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var files = Directory.GetFiles(Samples.Incident("KB293302-wins-rolling-upgrade")).Order(StringComparer.Ordinal).ToList();
        var options = new AnalyzeOptions { Reporter = new SyncProgress(p => cancel.Cancel()) };

        await Assert.ThrowsAsync<OperationCanceledException>(() => Engine.Value.AnalyzeAsync(files.Select(AnalysisInput.FromFile), options, cancel.Token));
    }

    [TestMethod]
    public void Load_CustomRuleFolderWithABrokenRule_ThrowsWithFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("diagnose-rules-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.json"), "{\n  \"id\": \"custom.broken\",\n  \"title\": \"t\",\n  \"kb\": \"NOPE1\",\n  \"when\": [],\n  \"then\": []\n}\n");

            var error = Assert.Throws<EngineLoadException>(() => DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = [folder.FullName] }));

            var problem = error.Problems.First(p => p.ToString().Contains("broken.json", StringComparison.Ordinal));
            StringAssert.Contains(problem.ToString(), "NOPE1");
            StringAssert.Matches(problem.ToString(), new System.Text.RegularExpressions.Regex(@"broken\.json\(\d+,\d+\)"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void Analyze_DamagedStream_ReportsTheDamageInsteadOfThrowing()
    {
        var xml = File.ReadAllBytes(Directory.GetFiles(Samples.Incident("Q217147-outdated-checkpoint"), "*.xml")[0]);
        var truncated = new MemoryStream(xml, 0, xml.Length * 2 / 3);

        var report = Engine.Value.Analyze([AnalysisInput.FromStream("NODEA_System.xml", truncated)]);

        var input = report.Inputs.Single();
        Assert.AreEqual("xml", input.Format);
        Assert.IsTrue(input.Records > 0);
        Assert.IsTrue(input.Errors.Any(e => e.Line is not null), "the damage is reported with its line");
    }

    [TestMethod]
    public void Analyze_Metrics_CountEventsRulesAndAnalysesUnderTheDocumentedMeter()
    {
        var totals = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DiagnoseEngine.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (totals)
            {
                totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();

        // Other tests may analyse at the same time, so the totals are at least this analysis' counts.
        var report = Engine.Value.Analyze([AnalysisInput.FromFile(Samples.Incident("Q188674-exchange-ds-restore"))]);

        Assert.IsTrue(totals.GetValueOrDefault("diagnose.events.ingested") >= report.Inputs.Sum(i => i.Records));
        Assert.IsTrue(totals.GetValueOrDefault("diagnose.rules.fired") >= 1);
        Assert.IsTrue(totals.GetValueOrDefault("diagnose.analyses.completed") >= 1);
    }

    [TestMethod]
    public void FromStream_UnreadableStream_IsRefusedAtTheBoundary()
    {
        var closed = new MemoryStream();
        closed.Dispose();
        Assert.Throws<ArgumentException>(() => AnalysisInput.FromStream("x.evtx", closed));
        Assert.Throws<ArgumentException>(() => AnalysisInput.FromStream("", new MemoryStream()));
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
