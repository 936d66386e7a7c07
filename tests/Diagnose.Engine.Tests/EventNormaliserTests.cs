using Diagnose.Core.Records;
using Diagnose.Normalise;
using Diagnose.Rules.Facts;

namespace Diagnose.Engine.Tests;

/// <summary>
/// Each catalogued article event becomes its fact from insertion strings (EVTX, XML, JSON) and from its English
/// message alone (CSV, pasted text); near misses and contradicting shapes give no fact or the right value.
/// </summary>
[TestClass]
public sealed class EventNormaliserTests
{
    private const string Key = @"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\MSExchangeDS";

    public static IEnumerable<object[]> ArticleEvents =>
    [
        ["esent.log-unreadable", new[] { "wins", "1044", "-530" }, "instance=wins processId=1044 error=-530 logPath= logFolder="],
        ["esent.index-cleanup", new[] { "wins", "3432", @"Q:\wins\wins.mdb", "5", "0", "2195", "4", "5", "2", "3790", "0" }, @"instance=wins processId=3432 database=Q:\wins\wins.mdb databaseFolder=Q:\wins"],
        ["msexchangeds.init-failed", new[] { "-528" }, "error=-528 service=MSExchangeDS"],
        ["clussvc.generic-service-failed", new[] { "Microsoft Exchange Directory" }, "resource=Microsoft Exchange Directory service=MSExchangeDS"],
        ["clussvc.checkpoint-not-restored", new[] { "Microsoft Exchange Directory", Key }, $"resource=Microsoft Exchange Directory registryKey={Key} service=MSExchangeDS"],
    ];

    [TestMethod]
    [DynamicData(nameof(ArticleEvents))]
    public void TypedFact_FromInsertionStrings_ReadsEveryField(string name, string[] data, string expected)
    {
        var entry = Engine.Instance.Events[name];

        var fact = Normaliser().TypedFact(Record(entry.Provider, entry.EventId, data, message: null));

        Assert.AreEqual(entry.FactType, fact?.Schema.Name);
        Assert.AreEqual(expected, Fields(fact!));
        Assert.AreEqual("NODE1", fact!["node"]);
    }

    [TestMethod]
    [DynamicData(nameof(ArticleEvents))]
    public void TypedFact_FromEnglishMessageOnly_ReadsTheSameFields(string name, string[] data, string expected)
    {
        var entry = Engine.Instance.Events[name];
        var message = entry.RenderMessage(data);

        var fact = Normaliser().TypedFact(Record(entry.Provider.ToLowerInvariant(), entry.EventId, [], message));

        Assert.AreEqual(expected, Fields(fact!));
    }

    [TestMethod]
    [DynamicData(nameof(ArticleEvents))]
    public void TypedFact_SameDataFromAnotherProvider_IsNoFact(string name, string[] data, string expected)
    {
        var entry = Engine.Instance.Events[name];

        var fact = Normaliser().TypedFact(Record("Application Error", entry.EventId, data, entry.RenderMessage(data)));

        Assert.IsNull(fact, $"near miss of {expected}");
    }

    [TestMethod]
    [DataRow("ESENT", 412, "wins (1044) The database engine stopped.")]
    [DataRow("MSExchangeDS", 1002, "The Microsoft Exchange Server database (EDB) was initialized.")]
    [DataRow("ClusSvc", 1042, "Cluster resource 'Disk Q:' failed.")]
    public void TypedFact_MessageThatIsNotTheTemplate_IsNoFact(string provider, int id, string message)
    {
        Assert.IsNull(Normaliser().TypedFact(Record(provider, id, [], message)));
    }

    [TestMethod]
    public void TypedFact_RealWindows609MessageWithDifferentTail_ReadsTheDatabase()
    {
        // The wording Windows Server 2003 writes (as in the bundled CSV exports): "SP4" without a space, and a trailing sentence.
        const string message = @"wins (3432) The database engine is initiating index cleanup of database 'Q:\wins\wins.mdb' as a result of a Windows version upgrade from 5.0.2195 SP4 to 5.2.3790 SP0. This message is informational and does not indicate a problem in the database. ";

        var fact = Normaliser().TypedFact(Record("ESENT", 609, [], message));

        Assert.AreEqual(@"instance=wins processId=3432 database=Q:\wins\wins.mdb databaseFolder=Q:\wins", Fields(fact!));
    }

    [TestMethod]
    public void TypedFact_Kb293302Quoted609WithoutItsPath_IsTheFactWithNoDatabase()
    {
        // The article quotes the event with the path left out and double quotes: "…cleanup of database " as a result of an NT version upgrade".
        const string message = "wins (3432) The database engine is initiating index cleanup of database \" as a result of an NT version upgrade";

        var fact = Normaliser().TypedFact(Record("esent", 609, [], message));

        Assert.AreEqual("instance=wins processId=3432 database= databaseFolder=", Fields(fact!));
    }

    [TestMethod]
    public void TypedFact_LaterEsentLayoutWithLogFileBeforeTheError_TakesTheLastNegativeNumber()
    {
        // KB982018: "wuaueng.dll (936) SUS20ClientDataStore: Unable to read the header of logfile …\edb.log. Error -546."
        string[] data = ["wuaueng.dll", "936", "SUS20ClientDataStore: ", @"C:\Windows\SoftwareDistribution\DataStore\Logs\edb.log", "-546"];

        var fact = Normaliser().TypedFact(Record("ESENT", 412, data, null));

        // The display name ends in a colon but is no path: the log file is.
        Assert.AreEqual(@"instance=wuaueng.dll processId=936 error=-546 logPath=C:\Windows\SoftwareDistribution\DataStore\Logs\edb.log logFolder=C:\Windows\SoftwareDistribution\DataStore\Logs", Fields(fact!));
    }

    [TestMethod]
    public void TypedFact_PastedCheckpointMessageWrappedAndQuoted_ReadsResourceAndKey()
    {
        const string message = "The registry checkpoint for cluster resource 'Microsoft Exchange\nDirectory' could not be restored to registry key\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS. The\nresource may not function correctly. Make sure that no other processes\nhave open handles to registry keys in this registry subtree.";

        var fact = Normaliser().TypedFact(Record("ClusSvc", 1024, [], message));

        Assert.AreEqual($"resource=Microsoft Exchange Directory registryKey={Key} service=MSExchangeDS", Fields(fact!));
    }

    [TestMethod]
    public void TypedFact_KeyWithTrailingFullStopInItsInsertionString_IsTrimmed()
    {
        var fact = Normaliser().TypedFact(Record("ClusSvc", 1024, ["Microsoft Exchange Directory", Key + "."], null));

        Assert.AreEqual(Key, fact!["registryKey"]);
    }

    [TestMethod]
    public void TypedFact_SnapshotSaysAnotherService_OverridesTheResourceTable()
    {
        var normaliser = Normaliser();
        normaliser.MapResource("Microsoft Exchange Directory", "MSExchangeDS2");

        var fact = normaliser.TypedFact(Record("ClusSvc", 1042, ["Microsoft Exchange Directory"], null));

        Assert.AreEqual("MSExchangeDS2", fact!["service"]);
    }

    [TestMethod]
    public void TypedFact_ResourceInNoTable_HasNoService()
    {
        var fact = Normaliser().TypedFact(Record("ClusSvc", 1042, ["Print Spooler"], null));

        Assert.AreEqual("resource=Print Spooler service=", Fields(fact!));
    }

    [TestMethod]
    public void TypedFact_RequiredResourceMissing_IsNoFact()
    {
        Assert.IsNull(Normaliser().TypedFact(Record("ClusSvc", 1042, ["  "], null)));
    }

    [TestMethod]
    public void TypedEntry_EventCataloguedOnlyForTheSimulator_BecomesNoTypedFact()
    {
        var normaliser = Normaliser();
        var record = Record("ClusSvc", 1069, ["Disk Q:"], "Cluster resource 'Disk Q:' failed.");

        Assert.IsNotNull(Engine.Instance.Events.Find("ClusSvc", 1069), "catalogued");
        Assert.IsNull(normaliser.TypedEntry(record));
        Assert.IsNull(normaliser.TypedFact(record));
        Assert.AreEqual(1069L, normaliser.GenericFact(record)["eventId"]);
    }

    [TestMethod]
    public void RenderThenParse_EveryCataloguedEventThatBecomesAFact_GivesBackItsInsertionStrings()
    {
        // An entry whose message has no placeholder (ClusSvc 1061 in the NT 4.0 wording) has nothing to read back.
        foreach (var entry in Engine.Instance.Events.Entries.Where(e => e.FactType is not null && e.Message.PlaceholderCount > 0))
        {
            var data = Enumerable.Range(0, entry.Message.PlaceholderCount).Select(i => entry.Fields.Any(f => f.Index == i && f.Type == FieldType.Integer) ? $"-{i + 7}" : $"value{i}").ToArray();

            var parsed = entry.ParseMessage(entry.RenderMessage(data));

            Assert.IsNotNull(parsed, entry.Name);
            foreach (var field in entry.Fields.Where(f => f.Kind == Knowledge.Events.FieldSourceKind.InsertionString))
            {
                Assert.AreEqual(data[field.Index], parsed[field.Index], $"{entry.Name}.{field.Name}");
            }
        }
    }

    [TestMethod]
    [DataRow(new[] { "5.0", "2195", "Service Pack 4", "Uniprocessor Free" }, "version=5.0 build=2195 servicePack=Service Pack 4 osFamily=windows2000")]
    [DataRow(new[] { "5.02.", "3790", "", "Multiprocessor Free" }, "version=5.02. build=3790 servicePack= osFamily=windows2003")]
    [DataRow(new[] { "4.0", "1381", "Service Pack 4", "Uniprocessor Free" }, "version=4.0 build=1381 servicePack=Service Pack 4 osFamily=nt4")]
    [DataRow(new[] { "5.01.", "2600", "Service Pack 2", "Uniprocessor Free" }, "version=5.01. build=2600 servicePack=Service Pack 2 osFamily=")]
    public void TypedFact_BootBannerFromInsertionStrings_MapsTheVersionToItsFamily(string[] data, string expected)
    {
        // The Windows XP strings are those of the real System log in the EVT samples (5.1 is in no map: no family).
        var fact = Normaliser().TypedFact(Record("EventLog", 6009, data, null));

        Assert.AreEqual(expected, Fields(fact!));
    }

    [TestMethod]
    [DataRow("Microsoft (R) Windows 2000 (R) 5.0 2195 Service Pack 4 Uniprocessor Free.", "windows2000", 2195L)]
    [DataRow("Microsoft (R) Windows (R) 5.02. 3790 Service Pack 1 Multiprocessor Free.", "windows2003", 3790L)]
    [DataRow("Microsoft (R) Windows NT (R) 4.0 1381 Service Pack 4 Uniprocessor Free.", "nt4", 1381L)]
    public void TypedFact_BootBannerAsRenderedByEachVersion_FindsVersionAndBuild(string message, string family, long build)
    {
        // KB227438 and KB196452 show the product name and (R) in different places per version; the version is found in whatever precedes the build.
        var fact = Normaliser().TypedFact(Record("EventLog", 6009, [], message));

        Assert.AreEqual(family, fact!["osFamily"]);
        Assert.AreEqual(build, fact["build"]);
    }

    [TestMethod]
    public void TypedFact_BootBannerWithoutAVersionNumber_HasNoFamily()
    {
        var fact = Normaliser().TypedFact(Record("EventLog", 6009, ["Longhorn", "5048", "", "Multiprocessor Free"], null));

        Assert.IsNull(fact!["osFamily"], "near miss: no major.minor in the version string");
    }

    private static EventNormaliser Normaliser() => new(Engine.Instance.Rules.Schemas, Engine.Instance.Events, Engine.Instance.Resources);

    private static EventRecord Record(string provider, int id, string[] data, string? message) => new()
    {
        Provider = provider,
        EventId = id,
        Level = 2,
        TimeUtc = new DateTime(2007, 2, 12, 9, 14, 3, DateTimeKind.Utc),
        Computer = "node1.corp.example",
        Data = data.Select(d => new EventDataItem(null, d)).ToArray(),
        Message = message,
        Origin = new RecordOrigin("test.csv", Line: 2),
    };

    private static string Fields(Fact fact) =>
        string.Join(" ", fact.Schema.Fields.Where(f => f.Name is not "node" and not "time").Select(f => $"{f.Name}={fact.Values[f.Index]}"));
}
