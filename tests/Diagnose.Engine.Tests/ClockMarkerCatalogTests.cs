using Diagnose.Knowledge.Events;
using Diagnose.Rules.Loading;

namespace Diagnose.Engine.Tests;

/// <summary>The catalog's <c>clock</c> key (a same-moment marker): the built-in markers, and each mistake at its line.</summary>
[TestClass]
public sealed class ClockMarkerCatalogTests
{
    // A valid marker; each test breaks one thing. Line 8 is "clock".
    private const string Valid = """
        {"events": [
          {
            "name": "test.link-up",
            "provider": "TestSvc", "eventId": 1122, "level": "information", "channel": "System",
            "message": "The node (re)established communication with cluster node '{0}' on network '{1}'.",
            "fact": "ClusterNodeCommunication",
            "fields": { "peer": { "index": 0, "type": "string" }, "network": { "index": 1, "type": "string" }, "state": { "value": "up", "type": "string" } },
            "clock": { "peer": "peer", "key": ["network"], "withinMs": 2400, "source": "a test" },
            "source": "a test"
          }
        ]}
        """;

    [TestMethod]
    public void Load_BuiltInCatalog_MarksTheMembershipEventsAsClockMarkersCitingKB892422()
    {
        var markers = Engine.Instance.Events.Entries.Where(e => e.Clock is not null).ToList();

        CollectionAssert.AreEquivalent(new[] { "ClusSvc 1122", "ClusSvc 1123" }, markers.Select(e => $"{e.Provider} {e.EventId}").ToArray());
        Assert.IsTrue(markers.All(e => e.Clock!.Peer == "peer" && e.Clock.Within == TimeSpan.FromSeconds(2.4) && e.Clock.Source.Contains("KB892422", StringComparison.Ordinal)));
        Assert.IsTrue(markers.All(e => e.File.EndsWith("membership.events.json", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Load_ValidMarker_IsRead()
    {
        var (catalog, problems, _) = Load(Valid);

        Assert.IsEmpty(problems);
        var clock = catalog.Entries.Single().Clock!;
        Assert.AreEqual(("peer", "network", 2400.0), (clock.Peer, clock.Key.Single(), clock.Within.TotalMilliseconds));
    }

    [TestMethod]
    [DataRow("\"peer\": \"peer\",", "\"peer\": \"node\",", "'peer' must name a string field of fact type 'ClusterNodeCommunication' other than node")]
    [DataRow("\"key\": [\"network\"]", "\"key\": [\"netwrk\"]", "'netwrk' is not one")]
    [DataRow("\"withinMs\": 2400", "\"withinMs\": 0", "'withinMs' must be an integer from 1 to 3600000")]
    [DataRow("\"withinMs\": 2400, \"source\": \"a test\" }", "\"withinMs\": 2400 }", "'clock' needs a 'source'")]
    [DataRow("\"key\": [\"network\"],", "\"key\": [\"network\"], \"every\": true,", "unknown key 'every' in 'clock'")]
    public void Load_OneMistakeInTheMarker_IsReportedAtItsLine(string valid, string broken, string message)
    {
        var text = Valid.Replace(valid, broken, StringComparison.Ordinal);
        Assert.AreNotEqual(Valid, text, "the test breaks the marker");

        var (catalog, problems, file) = Load(text);

        Assert.IsTrue(problems.Any(p => p.File == file && p.Line == 8 && p.Message.Contains(message, StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsEmpty(catalog.Entries);
    }

    [TestMethod]
    public void Load_MarkerWithoutAFact_IsAnError()
    {
        var text = Valid.Replace("\"fact\": \"ClusterNodeCommunication\",", "", StringComparison.Ordinal)
            .Replace("\"fields\": { \"peer\": { \"index\": 0, \"type\": \"string\" }, \"network\": { \"index\": 1, \"type\": \"string\" }, \"state\": { \"value\": \"up\", \"type\": \"string\" } },", "", StringComparison.Ordinal);

        var (_, problems, _) = Load(text);

        Assert.IsTrue(problems.Any(p => p.Message.Contains("'clock' needs a 'fact' type", StringComparison.Ordinal)), string.Join("\n", problems));
    }

    private static (EventCatalog Catalog, IReadOnlyList<RuleProblem> Problems, string File) Load(string text)
    {
        using var temp = new TempFolder();
        var file = temp.Write("custom/test.events.json", text);
        var (catalog, problems) = EventCatalogLoader.Load([Path.Combine(temp.Path, "custom")], Engine.Instance.Rules.Schemas);
        return (catalog, problems, file);
    }
}
