using Diagnose.Core.Inputs;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

/// <summary>
/// Issue 14 for the text formats: like EVTX, every event element, object, row or pasted event the input holds is
/// either read or skipped, and a skipped one is counted once, with one problem at its line. Each input mixes good
/// events with every kind of bad one the reader knows, and ends with a good one, so nothing is hidden by an early stop.
/// </summary>
[TestClass]
public sealed class TextFormatCountTests
{
    private const string Ns = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";

    private static void AssertCounted(InputSummary summary, int records, int seen, int[] skippedLines)
    {
        Assert.AreEqual(seen, records + summary.Skipped, "read + skipped = the events the input holds");
        Assert.AreEqual(skippedLines.Length, summary.Skipped, "each bad event is skipped");
        var skips = summary.Problems.Where(p => p.Message.Contains("skipped", StringComparison.Ordinal) || p.Message.Contains("expected an event", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(skippedLines, skips.Select(p => p.Line ?? -1).ToArray(), "one problem per skipped event, at its line: " + string.Join(" | ", summary.Problems));
    }

    [TestMethod]
    public void Read_EventViewerXmlWithEveryKindOfBadEvent_CountsEachOnce()
    {
        var xml = string.Join('\n',
            "<Events>",
            $"<Event {Ns}><System><Provider Name='ESENT'/><EventID>412</EventID></System></Event>",
            $"<Event {Ns}><System><EventID>609</EventID></System></Event>",
            $"<Event {Ns}><System><Provider Name='ESENT'/><EventID>x609</EventID></System></Event>",
            $"<Event {Ns}><System><Provider Name='ESENT'/></System></Event>",
            $"<Event {Ns}><System><Provider Name='ClusSvc'/><EventID Qualifiers='49152'>1042</EventID></System></Event>",
            $"<Event {Ns}><System><Provider Name='ClusSvc'/><EventID>1024</EventID><TimeCreated SystemTime='yesterday'/></System></Event>",
            "</Events>");

        var (records, summary) = TestInput.Read(new XmlEventReader(), xml);

        Assert.AreEqual("412 1042 1024", string.Join(' ', records.Select(r => r.EventId)));
        AssertCounted(summary, records.Count, 6, [3, 4, 5]);
    }

    [TestMethod]
    public void Read_EventViewerXmlCutInsideAnEvent_CountsTheCutEventOnceAndTheOnesBefore()
    {
        var xml = $"<Events>\n<Event {Ns}><System><Provider Name='ESENT'/><EventID>412</EventID></System></Event>\n<Event {Ns}><System><Provider Name='ESENT'/><Event";

        var (records, summary) = TestInput.Read(new XmlEventReader(), xml);

        Assert.AreEqual(1, records.Count);
        Assert.AreEqual(1L, summary.Skipped, "the cut event, once");
        Assert.AreEqual(1, summary.Problems.Count(p => p.Message.Contains("cut off or malformed", StringComparison.Ordinal)), string.Join(" | ", summary.Problems));
    }

    [TestMethod]
    public void Read_CsvWithEveryKindOfBadRow_CountsEachOnce()
    {
        var csv = string.Join("\r\n",
            "Level,Date and Time,Source,Event ID,Task Category",
            "Error,3/5/2024 9:58:12 AM,ESENT,412,(3),a",
            "Error,3/5/2024 9:58:12 AM,ESENT,x412,(3),b",
            "Error,3/5/2024 9:58:12 AM,,609,(3),c",
            "Error,3/5/2024 9:58:12 AM,ESENT",
            "Error,someday,ClusSvc,1042,(2050),d",
            "Information,3/5/2024 9:59:00 AM,ClusSvc,1024,(1),\"two",
            "lines\"",
            "Error,3/5/2024 10:00:00 AM,ClusSvc,1042,(2050),e",
            "");

        var (records, summary) = TestInput.Read(new CsvEventReader(), csv);

        Assert.AreEqual("412 1042 1024 1042", string.Join(' ', records.Select(r => r.EventId)));
        AssertCounted(summary, records.Count, 7, [3, 4, 5]);
    }

    [TestMethod]
    public void Read_CsvEndingInAnOpenQuote_CountsTheLastRowOnce()
    {
        var csv = "Level,Date and Time,Source,Event ID,Task Category\r\nError,3/5/2024 9:58:12 AM,ESENT,412,(3),a\r\nError,3/5/2024 9:58:12 AM,ClusSvc,1042,(2050),\"never closed\r\n";

        var (records, summary) = TestInput.Read(new CsvEventReader(), csv);

        Assert.AreEqual(1, records.Count);
        Assert.AreEqual(1L, summary.Skipped);
        Assert.AreEqual(2, records.Count + summary.Skipped);
    }

    [TestMethod]
    public void Read_GetWinEventJsonWithEveryKindOfBadObject_CountsEachOnce()
    {
        var json = string.Join('\n',
            "[",
            "{\"Id\":412,\"ProviderName\":\"ESENT\"},",
            "{\"Id\":609},",
            "{\"Id\":\"x609\",\"ProviderName\":\"ESENT\"},",
            "{\"ProviderName\":\"ESENT\"},",
            "17,",
            "[1, 2],",
            "{\"Id\":1042,\"ProviderName\":\"ClusSvc\",\"TimeCreated\":\"someday\"},",
            "{\"Id\":1024,\"ProviderName\":\"ClusSvc\"}",
            "]");

        var (records, summary) = TestInput.Read(new JsonEventReader(), json);

        Assert.AreEqual("412 1042 1024", string.Join(' ', records.Select(r => r.EventId)));
        AssertCounted(summary, records.Count, 8, [3, 4, 5, 6, 7]);
    }

    [TestMethod]
    public void Read_GetWinEventJsonCutInsideAnObject_CountsTheCutObjectOnce()
    {
        var json = "[\n{\"Id\":412,\"ProviderName\":\"ESENT\"},\n{\"Id\":1042,\"Provider";

        var (records, summary) = TestInput.Read(new JsonEventReader(), json);

        Assert.AreEqual(1, records.Count);
        Assert.AreEqual(1L, summary.Skipped);
        Assert.AreEqual(1, summary.Problems.Count(p => p.Message.Contains("cut off or malformed", StringComparison.Ordinal)), string.Join(" | ", summary.Problems));
    }

    [TestMethod]
    public void Read_PastedTextWithEveryKindOfBadEvent_CountsEachOnce()
    {
        var text = string.Join('\n',
            "Event ID: 412",
            "Source: ESENT",
            "",
            "Event ID: x609",
            "Source: ESENT",
            "",
            "Event ID: 1042",
            "Type: Error",
            "",
            "Event ID: 1024",
            "Source: ClusSvc",
            "Date: someday",
            "",
            "Event ID: 1042",
            "Source: ClusSvc",
            "");

        var (records, summary) = TestInput.Read(new TextEventReader(), text);

        Assert.AreEqual("412 1024 1042", string.Join(' ', records.Select(r => r.EventId)));
        AssertCounted(summary, records.Count, 5, [4, 7]);
    }
}
