using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Tests;

/// <summary>
/// The simulator writes every event from the event catalog (rules/facts/*.events.json): what it logs in real runs is
/// the catalog's entry (log, level, qualifiers, the message rendered from the template), its message reads back to
/// the same fact fields as its insertion strings do (the CSV and text path), and changing the catalog changes what it writes.
/// </summary>
[TestClass]
public sealed class CatalogWritingTests
{
    [TestMethod]
    public void EveryEventOfEveryScenario_IsItsCatalogEntry_AndItsMessageReadsBackToTheSameFields()
    {
        var catalog = Shared.Engine.Events;
        var written = new HashSet<string>(StringComparer.Ordinal);
        var checkedFields = 0;
        foreach (var scenario in Shared.Scenarios.All)
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                var run = scenario.Run(new ScenarioOptions(seed, Noise: 30));
                foreach (var e in run.Simulator.Journal.Events)
                {
                    var entry = catalog.Find(e.Provider, e.EventId);
                    Assert.IsNotNull(entry, $"{scenario.Name} seed {seed}: {e.Provider} {e.EventId} is not catalogued");
                    Assert.AreEqual((entry.Channel, entry.Level, entry.Qualifiers, entry.RenderMessage(e.Data)), (e.Channel, e.Level, e.Qualifiers, e.Message), entry.Name);
                    written.Add(entry.Name);
                    if (entry.FactType is null)
                    {
                        continue;
                    }

                    var parsed = entry.ParseMessage(e.Message);
                    Assert.IsNotNull(parsed, $"{entry.Name}: its own message \"{e.Message}\" does not read back");
                    foreach (var field in entry.Fields.Where(f => f.Kind == FieldSourceKind.InsertionString))
                    {
                        if (OnlySpaceAfter(entry.Message.Text, field.Index))
                        {
                            // "{2} {3}": a value holding spaces ("Service Pack 4") cannot be told apart from the next one in
                            // the text alone; such messages (EventLog 6009) are read by their own tests in the engine.
                            continue;
                        }

                        // The normaliser reads a message's placeholders with the same selection as insertion strings.
                        Assert.AreEqual(field.Select(e.Data), field.Select(parsed), $"{entry.Name}.{field.Name}");
                        checkedFields++;
                    }
                }
            }
        }

        // Every article event and the cluster's own events were written at least once.
        foreach (var name in new[] { "esent.log-unreadable", "esent.index-cleanup", "msexchangeds.init-failed", "clussvc.generic-service-failed", "clussvc.checkpoint-not-restored", "clussvc.cluster-formed", "eventlog.os-version" })
        {
            Assert.Contains(name, written, $"no scenario wrote {name}");
        }

        Assert.IsGreaterThan(40, checkedFields);
    }

    /// <summary>Whether placeholder <paramref name="index"/> is followed by nothing but spaces and another placeholder.</summary>
    private static bool OnlySpaceAfter(string template, int index) =>
        System.Text.RegularExpressions.Regex.IsMatch(template, "\\{" + index + "\\}\\s+\\{\\d+\\}");

    [TestMethod]
    public void AChangedCatalogEntry_ChangesWhatTheSimulatorWrites()
    {
        using var temp = new TempFolder();
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "facts", "windows.events.json"));
        var changed = original.Replace("\"message\": \"The Cluster Service brought the Resource Group \\\"{0}\\\" online.\"", "\"message\": \"Group {0} is online (edited catalog).\"", StringComparison.Ordinal);
        Assert.AreNotEqual(original, changed, "the group-online entry was found");
        File.WriteAllText(temp.Sub("windows.events.json"), changed);
        // The other catalog files (the simulator also writes events catalogued there), unchanged.
        foreach (var other in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "rules", "facts"), "*.events.json").Where(f => Path.GetFileName(f) != "windows.events.json"))
        {
            File.Copy(other, temp.Sub(Path.GetFileName(other)));
        }

        var (catalog, problems) = EventCatalogLoader.Load([temp.Path], Shared.Engine.Rules.Schemas);
        Assert.IsEmpty(problems, string.Join("; ", problems.Select(p => p.Message)));

        var run = new ScenarioCatalog(Shared.Engine.Knowledge, catalog).Find("KB293302-healthy")!.Run(new ScenarioOptions(4, 2, 0));
        var bundled = Shared.Scenarios.Find("KB293302-healthy")!.Run(new ScenarioOptions(4, 2, 0));

        var online = run.Simulator.Journal.Events.Where(e => e.Message.EndsWith("is online (edited catalog).", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(online);
        Assert.AreEqual(bundled.Simulator.Journal.Count, run.Simulator.Journal.Count, "only the text changed, not the run");
        Assert.IsFalse(bundled.Simulator.Journal.Events.Any(e => e.Message.Contains("edited catalog", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ACatalogWithoutAnEventTheSimulatorLogs_IsASimulationErrorNamingIt()
    {
        var (catalog, _) = EventCatalogLoader.Load([], Shared.Engine.Rules.Schemas);
        var scenario = new ScenarioCatalog(Shared.Engine.Knowledge, catalog).Find("KB293302")!;

        var error = Assert.ThrowsExactly<SimulationException>(() => scenario.Run(new ScenarioOptions(1, 2, 0)));

        StringAssert.Contains(error.Message, "the event catalog has no event 'eventlog.");
    }
}
