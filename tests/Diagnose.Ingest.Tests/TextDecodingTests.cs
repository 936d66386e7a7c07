using System.Text;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

/// <summary>
/// Invalid UTF-8 and UTF-16 in a text input is reported with the offset of the first bad byte sequence and the
/// number replaced by U+FFFD, instead of passing silently (issue 14, item 5). Offsets count from the file's first
/// byte, byte order mark included.
/// </summary>
[TestClass]
public sealed class TextDecodingTests
{
    private const string Header = "Level,Date and Time,Source,Event ID,Task Category\r\n";
    private const string Row = "Error,3/5/2024 9:58:12 AM,ESENT,412,Logging/Recovery,\"wins (1044) Unable to read the log header. Error -530.\"\r\n";

    [TestMethod]
    public void Read_CsvWithLatin1Bytes_ReportsTheFirstOffsetAndTheCount_AndStillReadsTheRows()
    {
        // An ANSI export read as UTF-8: Windows-1252 "é" is the lone byte 0xE9; a UTF-8 lead byte C3 followed by "A" is cut short.
        var first = Encoding.UTF8.GetBytes(Header + Row.Replace("Unable", "Caf_ unable", StringComparison.Ordinal));
        var at = Array.IndexOf(first, (byte)'_');
        first[at] = 0xE9;
        var second = Encoding.UTF8.GetBytes(Row.Replace("wins", "d_Aja", StringComparison.Ordinal));
        second[Array.IndexOf(second, (byte)'_')] = 0xC3;
        var bytes = first.Concat(second).ToArray();
        var (records, summary) = TestInput.Read(new CsvEventReader(), bytes);

        Assert.HasCount(2, records, "the rows are still read");
        var problem = summary.Problems.Single(p => p.Message.StartsWith("invalid UTF-8", StringComparison.Ordinal));
        Assert.AreEqual(at, problem.Offset);
        StringAssert.Contains(problem.Message, "2 byte sequence(s)");
        StringAssert.Contains(records[0].Message, "Caf\uFFFD");
    }

    [TestMethod]
    public void Read_ValidUtf8SplitAcrossReadChunks_ReportsNothing()
    {
        // Near miss: multi-byte characters straddling every 64 KiB read, and a U+FFFD that is really in the text.
        var message = string.Concat(Enumerable.Repeat("d\u00E9j\u00E0 \u20AC \U0001F600 ", 12000)) + "\uFFFD";
        var (records, summary) = TestInput.Read(new TextEventReader(), $"Event ID: 1042\r\nSource: ClusSvc\r\nType: Error\r\nDescription: {message}\r\n");

        Assert.HasCount(1, records);
        Assert.IsFalse(summary.Problems.Any(p => p.Message.Contains("invalid", StringComparison.Ordinal)), string.Join("; ", summary.Problems));
        Assert.AreEqual(message, records[0].Message);
    }

    [TestMethod]
    public void Read_Utf8CutInsideACharacterAtTheEnd_ReportsTheCutSequence()
    {
        var bytes = TestInput.Bytes("Event ID: 1042\r\nSource: ClusSvc\r\nDescription: resource \u20AC");
        var (records, summary) = TestInput.Read(new TextEventReader(), bytes[..^1]);

        Assert.HasCount(1, records);
        var problem = summary.Problems.Single(p => p.Message.StartsWith("invalid UTF-8", StringComparison.Ordinal));
        Assert.AreEqual(bytes.Length - 3, problem.Offset, "the euro sign's first byte, where the cut sequence starts");
        StringAssert.Contains(problem.Message, "1 byte sequence(s)");
    }

    [TestMethod]
    public void Read_Utf16XmlWithAnUnpairedSurrogate_ReportsItsOffset()
    {
        var xml = "<Events><Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"ClusSvc\"/><EventID>1042</EventID>" +
                  "<TimeCreated SystemTime=\"2024-03-05T09:58:12Z\"/><Computer>NODEA</Computer></System><EventData><Data>X</Data></EventData></Event></Events>";
        var bytes = TestInput.Bytes(xml, new UnicodeEncoding(false, true));
        var x = 2 + (2 * xml.IndexOf("X<", StringComparison.Ordinal));
        bytes[x] = 0x00;
        bytes[x + 1] = 0xD8; // a high surrogate followed by '<': unpaired
        var (records, summary) = TestInput.Read(new XmlEventReader(), bytes);

        Assert.HasCount(1, records);
        var problem = summary.Problems.Single(p => p.Message.StartsWith("invalid UTF-16", StringComparison.Ordinal));
        Assert.AreEqual(x, problem.Offset);
        StringAssert.Contains(problem.Message, "1 byte sequence(s)");
    }

    [TestMethod]
    public void Read_Utf16WithValidSurrogatePairs_ReportsNothing()
    {
        // Near miss for the UTF-16 case: a pair is two code units, not an error.
        var (records, summary) = TestInput.Read(new TextEventReader(), "Event ID: 1042\r\nSource: ClusSvc\r\nDescription: \U0001F600 ok\r\n", new UnicodeEncoding(false, true));

        Assert.HasCount(1, records);
        Assert.IsEmpty(summary.Problems.Where(p => p.Message.Contains("invalid", StringComparison.Ordinal)).ToList());
    }

    [TestMethod]
    public void Read_JsonStoppedEarlyByASyntaxError_StillReportsTheBadBytesSeenBeforeIt()
    {
        // Contradicting case: the reader gives up on the JSON, and the decoding problem is reported all the same.
        var bytes = Encoding.UTF8.GetBytes("[{\"Id\": 1042, \"ProviderName\": \"ClusSvc\", \"Message\": \"r\u00E9sum\u00E9\"}, {\"Id\": ]");
        var bad = Array.IndexOf(bytes, (byte)0xC3);
        bytes[bad + 1] = (byte)'x';
        var (_, summary) = TestInput.Read(new JsonEventReader(), bytes);

        var problem = summary.Problems.Single(p => p.Message.StartsWith("invalid UTF-8", StringComparison.Ordinal));
        Assert.AreEqual(bad, problem.Offset);
        Assert.IsTrue(summary.Problems.Count >= 2, "the JSON error is reported too");
    }
}
