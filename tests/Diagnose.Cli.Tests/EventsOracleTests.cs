using System.Globalization;
using System.Text.RegularExpressions;

namespace Diagnose.Cli.Tests;

/// <summary>
/// <c>diagnose events FILE --format tsv</c>, run through <see cref="CliApp.Run"/>, on every public EVTX sample
/// against its oracle (python-evtx, see Samples/evtx/README.md), line for line on the six columns. Where the
/// reference parsers fail or disagree, the expectation below states what we print and why it is right; the
/// target there is the record count libevtx's evtxinfo reads from the file and chunk headers (MANIFEST notes).
/// </summary>
[TestClass]
public sealed partial class EventsOracleTests
{
    /// <summary>Files not equal to the oracle: lines we print beyond the header count, oracle records we leave out, and why.</summary>
    private static readonly Dictionary<string, (int Beyond, long[] NotPrinted, string Why)> Differences = new()
    {
        // Both reference parsers fail (binary XML without templates, forwarded events): oracles are empty.
        ["MSExchange_Management_wec.evtx"] = (0, [], "reference parsers fail; the header counts 1 record"),
        ["mitre_ID1151-Defender_health_status.evtx"] = (0, [], "reference parsers fail; the headers count 455"),
        ["mitre_ID800-4103-Interactive_PipeShell_over_named_pipe_server_and_client.evtx"] = (0, [], "reference parsers fail; the headers count 30"),
        ["mitre_ID1149-RDP_success_logins_to_multiple_hosts.evtx"] = (0, [], "reference parsers fail; the headers count 11"),
        ["E_ShadowCopy6_windows_system32_winevt_logs_Microsoft-Windows-CAPI2_Operational.evtx"] = (0, [], "evtxexport stops at 89, python-evtx reads none; the headers count 459"),
        ["E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2_Operational.evtx"] = (0, [], "evtxexport stops at 24, python-evtx reads none; the headers count 340"),

        // Damaged chunks: after a bad record we resynchronise on the next record signature and print what
        // follows (recovered; libevtx lists these under -m recovered). The headers' count is still met.
        ["2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS_Operational.evtx"] = (40, [], "1910 per the headers + 40 after damaged records"),
        ["2-vss_0-Microsoft-Windows-TerminalServices-RemoteConnectionManager_Operational.evtx"] = (21, [], "1774 per the headers + 21 after damaged records"),
        ["sample-with-zero-data-size-event.evtx"] = (114, [], "335 per the headers + 114 after the zero-size record"),

        // Truncated file (200,000 bytes): the complete records of the partial third chunk are printed too.
        ["plaso_System2.evtx"] = (89, [], "194 per the headers + 89 complete records of the truncated chunk"),

        // python-evtx drops record 508 on a bad UTF-16 string; evtxexport and the headers say 1730.
        ["pyevtx_issue_43.evtx"] = (0, [], "the headers count 1730; python-evtx fails on record 508"),

        // python-evtx prints a half-written record (event id 0, time 1601) past the last-record offset.
        ["Microsoft-Windows-HelloForBusiness_Operational.evtx"] = (0, [6], "the headers count 5; record 6 is half-written"),

        // python-evtx prints two records past a chunk's last-record offset and an empty one; the headers count
        // 267, and 31 more follow damaged records.
        ["sample_with_a_bad_chunk_magic.evtx"] = (31, [46741, 47640, 45933], "267 per the headers + 31 after damaged records"),
    };

    private static string Dir => Path.Combine(AppContext.BaseDirectory, "Samples", "evtx");

    public static IEnumerable<object[]> Files =>
        Directory.GetFiles(Dir, "*.evtx").Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(f => new object[] { f! });

    [TestMethod]
    [DynamicData(nameof(Files))]
    public void EventsTsv_EverySample_MatchesOracleOrStatedDifference(string file)
    {
        var (exit, output, error) = Cli.Run("events", Path.Combine(Dir, file), "--format", "tsv");
        Assert.AreEqual(0, exit, error);
        var ours = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var oracle = File.ReadAllLines(Path.Combine(Dir, "oracle", file + ".tsv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => string.Join('\t', l.Split('\t').Take(6))).ToList();

        // The closing count line: printed = read + recovered; nothing is dropped silently.
        var counts = CountLine().Match(error);
        Assert.IsTrue(counts.Success, error);
        Assert.AreEqual(ours.Count, int.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture) + int.Parse(counts.Groups[3].Value, CultureInfo.InvariantCulture));

        if (!Differences.TryGetValue(file, out var expected))
        {
            CollectionAssert.AreEqual(oracle, ours, $"{file}: six columns differ from the oracle");
            return;
        }

        Assert.AreEqual(HeaderCount(file) + expected.Beyond, ours.Count, $"{file}: {expected.Why}");
        Assert.IsTrue(ours.All(l => l.Split('\t') is { Length: 6 } c && c[2].Length > 0 && c[3].Length > 0), $"{file}: every line has a provider and a time");

        // Whatever the oracle has (less what we deliberately leave out) we print, in the same order.
        var left = expected.NotPrinted.Select(n => n.ToString(CultureInfo.InvariantCulture) + "\t").ToList();
        var wanted = oracle.Where(l => !left.Any(l.StartsWith)).ToList();
        Assert.AreEqual(oracle.Count - expected.NotPrinted.Length, wanted.Count, $"{file}: oracle lines left out");
        var set = wanted.ToHashSet();
        CollectionAssert.AreEqual(wanted, ours.Where(set.Contains).ToList(), $"{file}: oracle records in order");
    }

    /// <summary>evtxinfo's "records=N" (libevtx reading the file and chunk headers) from the MANIFEST notes.</summary>
    private static long HeaderCount(string file)
    {
        var row = File.ReadLines(Path.Combine(Dir, "MANIFEST.tsv")).Single(l => l.StartsWith(file + "\t", StringComparison.Ordinal));
        return long.Parse(EvtxinfoRecords().Match(row).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@": (\d+) records = (\d+) read \+ (\d+) recovered \+ (\d+) unreadable")]
    private static partial Regex CountLine();

    [GeneratedRegex(@"evtxinfo records=(\d+)")]
    private static partial Regex EvtxinfoRecords();
}
