using Diagnose.Knowledge.Events;
using Diagnose.Knowledge.Resources;
using Diagnose.Rules.Loading;

namespace Diagnose.Engine.Tests;

/// <summary>The event catalog and resource tables load as strictly as rules: every problem at its line and column.</summary>
[TestClass]
public sealed class EventCatalogLoadTests
{
    // A valid entry; each test breaks one thing. Line 3 is the entry's "name".
    private const string Valid = """
        {"events": [
          {
            "name": "test.resource-failed",
            "provider": "TestSvc", "aliases": ["TestService"],
            "eventId": 1042, "level": "error", "channel": "System", "qualifiers": 49152,
            "message": "Cluster generic service '{0}' failed.",
            "fact": "ClusterResourceFailed",
            "fields": {
              "resource": { "index": 0, "type": "string" },
              "service": { "derive": "service-of-resource", "from": "resource", "type": "string" }
            },
            "source": "a test"
          }
        ]}
        """;

    [TestMethod]
    public void Load_BuiltInCatalog_HasEveryArticleEventAsAFactAndNoProblem()
    {
        var engine = Engine.Instance;

        var typed = engine.Events.Entries.Where(e => e.MustBeExplained).Select(e => $"{e.Provider} {e.EventId} {e.FactType}").Order(StringComparer.Ordinal).ToArray();

        CollectionAssert.AreEqual(new[]
        {
            "ClusSvc 1024 RegistryCheckpointNotRestored", "ClusSvc 1042 ClusterResourceFailed", "ESENT 412 JetLogUnreadable",
            "ESENT 609 JetDatabaseUpgraded", "MSExchangeDS 1002 ExchangeDirectoryInitFailed",
        }, typed);
        Assert.IsTrue(engine.Events.Entries.All(e => e.Source.Length > 20), "every entry cites its source");
        Assert.AreEqual("MSExchangeDS", engine.Resources.ServiceOf("microsoft exchange directory"));
    }

    [TestMethod]
    public void Find_ProviderOrAliasInAnyCaseAndIdWithQualifierBits_FindsTheEntry()
    {
        var catalog = LoadValid(Valid).Catalog;

        Assert.AreEqual("test.resource-failed", catalog.Find("testsvc", 1042)?.Name);
        Assert.AreEqual("test.resource-failed", catalog.Find("TESTSERVICE", 0xC0000412 & 0xFFFF0000 | 1042)?.Name);
        Assert.AreEqual("test.resource-failed", catalog["TEST.Resource-Failed"].Name);
        Assert.IsNull(catalog.Find("TestSvc", 1024), "near miss: another event of the provider");
        Assert.IsNull(catalog.Find("OtherSvc", 1042), "near miss: the same id from another provider");
    }

    [TestMethod]
    [DataRow("\"channel\": \"System\"", "\"channel\": \"System\", \"severity\": 2", 5, "unknown key 'severity'")]
    [DataRow("\"fact\": \"ClusterResourceFailed\"", "\"fact\": \"ClusterResourceFaild\"", 7, "unknown fact type 'ClusterResourceFaild'")]
    [DataRow("\"fact\": \"ClusterResourceFailed\"", "\"fact\": \"ExchangeRestoreOverwritten\"", 7, "is derived by rules")]
    [DataRow("\"resource\": { \"index\": 0", "\"resourse\": { \"index\": 0", 9, "has no field 'resourse'")]
    [DataRow("\"index\": 0, \"type\": \"string\"", "\"index\": 1, \"type\": \"string\"", 9, "index 1 is beyond the message template, whose placeholders are {0}")]
    [DataRow("\"index\": 0, \"type\": \"string\"", "\"index\": 0, \"type\": \"int\"", 9, "field 'resource' is int here but string in fact type 'ClusterResourceFailed'")]
    [DataRow("\"index\": 0, \"type\": \"string\"", "\"index\": 0, \"type\": \"string\", \"find\": \"second-word\"", 9, "'find' must be one of")]
    [DataRow("\"index\": 0, \"type\": \"string\"", "\"index\": 0, \"value\": \"x\", \"type\": \"string\"", 9, "exactly one of 'index'")]
    [DataRow("\"derive\": \"service-of-resource\"", "\"derive\": \"service-of-anything\"", 10, "'derive' must be one of")]
    [DataRow("\"from\": \"resource\"", "\"from\": \"service\"", 10, "derives from 'service'")]
    [DataRow("\"derive\": \"service-of-resource\"", "\"derive\": \"version-map\"", 10, "'version-map' needs 'map'")]
    [DataRow("\"derive\": \"service-of-resource\"", "\"derive\": \"version-map\", \"map\": { \"5.02\": \"windows2003\" }", 10, "map key '5.02' must be major.minor")]
    [DataRow("\"derive\": \"service-of-resource\"", "\"derive\": \"version-map\", \"map\": { \"5.2\": 3 }", 10, "the value for '5.2' must be a non-empty string")]
    [DataRow("\"derive\": \"service-of-resource\"", "\"derive\": \"service-of-resource\", \"map\": { \"5.2\": \"x\" }", 10, "'map' does not apply")]
    [DataRow("\"level\": \"error\"", "\"level\": \"fatal\"", 5, "'level' must be one of")]
    [DataRow("\"eventId\": 1042", "\"eventId\": 70000", 5, "'eventId' must be an integer from 0 to 65535")]
    [DataRow("failed.\"", "failed {x}.\"", 6, "'{' must start a placeholder")]
    [DataRow("\"source\": \"a test\"", "\"sauce\": \"a test\"", 12, "unknown key 'sauce'")]
    public void Load_OneMistake_IsReportedAtItsLine(string valid, string broken, int line, string message)
    {
        var text = Valid.Replace(valid, broken, StringComparison.Ordinal);
        Assert.AreNotEqual(Valid, text, "the test breaks the catalog");

        var (catalog, problems, file) = LoadValid(text);

        Assert.IsTrue(problems.Any(p => p.File == file && p.Line == line && p.Message.Contains(message, StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsEmpty(catalog.Entries, "an entry with a problem is left out");
    }

    [TestMethod]
    public void Load_NoSourceCited_IsAnError()
    {
        var (_, problems, file) = LoadValid(Valid.Replace(",\n    \"source\": \"a test\"", "", StringComparison.Ordinal));

        Assert.IsTrue(problems.Any(p => p.File == file && p.Message.Contains("needs 'source'", StringComparison.Ordinal)), string.Join("\n", problems));
    }

    [TestMethod]
    public void Load_SameProviderAndIdInTwoFiles_SecondIsADuplicateWithItsLine()
    {
        using var temp = new TempFolder();
        temp.Write("custom/a.events.json", Valid);
        var second = temp.Write("custom/b.events.json", Valid.Replace("test.resource-failed", "test.other-name", StringComparison.Ordinal).Replace("\"TestSvc\"", "\"testsvc\"", StringComparison.Ordinal));

        var (catalog, problems) = EventCatalogLoader.Load([Path.Combine(temp.Path, "custom")], Engine.Instance.Rules.Schemas);

        var problem = problems.Single();
        Assert.AreEqual((second, 2), (problem.File, problem.Line));
        StringAssert.Contains(problem.Message, "duplicate event testsvc 1042: already declared as 'test.resource-failed'");
        Assert.HasCount(1, catalog.Entries);
    }

    [TestMethod]
    public void Load_AliasClashesWithAnotherProvider_IsADuplicate()
    {
        using var temp = new TempFolder();
        temp.Write("custom/a.events.json", Valid);
        temp.Write("custom/b.events.json", Valid.Replace("test.resource-failed", "test.other-name", StringComparison.Ordinal)
            .Replace("\"TestSvc\", \"aliases\": [\"TestService\"]", "\"Elsewhere\", \"aliases\": [\"TESTSERVICE\"]", StringComparison.Ordinal));

        var (_, problems) = EventCatalogLoader.Load([Path.Combine(temp.Path, "custom")], Engine.Instance.Rules.Schemas);

        StringAssert.Contains(problems.Single().Message, "duplicate event TESTSERVICE 1042");
    }

    [TestMethod]
    public void Load_SameNameTwice_IsADuplicateName()
    {
        using var temp = new TempFolder();
        temp.Write("custom/a.events.json", Valid);
        temp.Write("custom/b.events.json", Valid.Replace("1042", "1043", StringComparison.Ordinal));

        var (_, problems) = EventCatalogLoader.Load([Path.Combine(temp.Path, "custom")], Engine.Instance.Rules.Schemas);

        StringAssert.Contains(problems.Single().Message, "duplicate event name 'test.resource-failed'");
    }

    [TestMethod]
    public void Load_ResourceTableWithUnknownKeyAndDuplicate_ReportsBothWithLines()
    {
        using var temp = new TempFolder();
        var file = temp.Write("custom/x.resources.json", """
            {"resources": [
              { "resource": "Print Spooler", "service": "Spooler", "source": "test" },
              { "resource": "print spooler", "service": "Spooler2", "source": "test" },
              { "resource": "Fax", "service": "Fax", "source": "test", "startType": "manual" }
            ]}
            """);

        var (table, problems) = ResourceTableLoader.Load([Path.Combine(temp.Path, "custom")]);

        Assert.IsTrue(problems.Any(p => p.File == file && p.Line == 3 && p.Message.Contains("'print spooler' is declared twice", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.File == file && p.Line == 4 && p.Message.Contains("unknown key 'startType'", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.AreEqual("Spooler", table.ServiceOf("PRINT SPOOLER"));
    }

    [TestMethod]
    public void Load_ResourceTableServiceDisplayNames_MapToTheServiceAndRejectOneNameForTwoServices()
    {
        using var temp = new TempFolder();
        var file = temp.Write("custom/x.resources.json", """
            {"resources": [
              { "resource": "Print Spooler", "service": "Spooler", "serviceDisplayName": "Print Spooler", "source": "test" },
              { "resource": "Spooler Copy", "service": "Spooler2", "serviceDisplayName": "print spooler", "source": "test" },
              { "resource": "Fax", "service": "Fax", "serviceDisplayName": 7, "source": "test" }
            ]}
            """);

        var (table, problems) = ResourceTableLoader.Load([Path.Combine(temp.Path, "custom")]);

        Assert.IsTrue(problems.Any(p => p.File == file && p.Line == 3 && p.Message.Contains("'print spooler' is given to two services: Spooler and Spooler2", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.File == file && p.Line == 4 && p.Message.Contains("'serviceDisplayName' must be a non-empty string", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.AreEqual("Spooler", table.ServiceWithDisplayName("PRINT SPOOLER"));
        Assert.IsNull(table.ServiceWithDisplayName("Spooler"), "a key name is not a display name");
    }

    [TestMethod]
    public void Normalise_Scm7036_TakesTheServiceFromTheDisplayNameOnlyWhenATableMapsIt()
    {
        // The built-in table maps the directory's display name (KB181795); the Information Store's is not mapped.
        var report = Engine.Analyze(Engine.Sample("controls/q188674-right-first-time"));

        Assert.AreEqual("Q188674.checkpoint-warning-after-restore-procedure", report.Benign.Single().Rule);
        Assert.AreEqual("MSExchangeDS", Engine.Instance.Resources.ServiceWithDisplayName("Microsoft Exchange Directory"));
        Assert.IsNull(Engine.Instance.Resources.ServiceWithDisplayName("Microsoft Exchange Information Store"));
    }

    [TestMethod]
    public void RuleLoader_CatalogAndResourceFiles_AreNotReadAsRules()
    {
        var suffixes = RuleLoader.OtherDataSuffixes;

        CollectionAssert.AreEquivalent(new[] { EventCatalogLoader.Suffix, ResourceTableLoader.Suffix }, suffixes.ToArray());
    }

    private static (EventCatalog Catalog, IReadOnlyList<RuleProblem> Problems, string File) LoadValid(string text)
    {
        using var temp = new TempFolder();
        var file = temp.Write("custom/test.events.json", text);
        var (catalog, problems) = EventCatalogLoader.Load([Path.Combine(temp.Path, "custom")], Engine.Instance.Rules.Schemas);
        return (catalog, problems, file);
    }
}
