using System.Globalization;
using Diagnose.Core.Inputs;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>
/// Every sample EVTX file against its oracle (python-evtx, see Samples/evtx/README.md). Where the README or
/// MANIFEST notes that the reference parsers fail or disagree, the expectation says what we read instead and why.
/// </summary>
[TestClass]
public sealed class EvtxOracleTests
{
    /// <summary>
    /// Files whose expected result differs from the oracle: total records we read, how many of them are
    /// extra recovered records (not in the oracle), and oracle record numbers we deliberately do not yield.
    /// </summary>
    private static readonly Dictionary<string, (int Total, int ExtraRecovered, long[] NotYielded, string Why)> Exceptions = new()
    {
        // Both reference parsers fail on these (binary XML without templates / dependency ids); counts are evtxinfo's header figures.
        ["MSExchange_Management_wec.evtx"] = (1, -1, [], "oracle empty: reference parsers fail; evtxinfo records=1"),
        ["mitre_ID1151-Defender_health_status.evtx"] = (455, -1, [], "oracle empty: reference parsers fail; evtxinfo records=455"),
        ["mitre_ID800-4103-Interactive_PipeShell_over_named_pipe_server_and_client.evtx"] = (30, -1, [], "oracle empty; evtxinfo records=30"),
        ["mitre_ID1149-RDP_success_logins_to_multiple_hosts.evtx"] = (11, -1, [], "oracle empty; evtxinfo records=11"),
        ["E_ShadowCopy6_windows_system32_winevt_logs_Microsoft-Windows-CAPI2_Operational.evtx"] = (459, -1, [], "oracle empty; evtxinfo records=459"),
        ["E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2_Operational.evtx"] = (340, -1, [], "oracle empty; evtxinfo records=340"),

        // Damaged chunks: after a bad record we resynchronise on the next signature and yield what follows,
        // marked recovered (libevtx lists these under -m recovered: 41, 266, 114).
        ["2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS_Operational.evtx"] = (1950, 40, [], "records after a damaged one, recovered"),
        ["2-vss_0-Microsoft-Windows-TerminalServices-RemoteConnectionManager_Operational.evtx"] = (1795, 21, [], "records after a damaged one, recovered"),
        ["sample-with-zero-data-size-event.evtx"] = (449, 114, [], "records after the zero-size record, recovered"),

        // Truncated file: the third chunk is partial; its 89 complete records are yielded as recovered.
        ["plaso_System2.evtx"] = (283, 89, [], "complete records of the truncated last chunk"),

        // python-evtx fails one record on a bad UTF-16 string; evtxexport and we read all 1730.
        ["pyevtx_issue_43.evtx"] = (1730, 0, [], "python-evtx drops record 508"),

        // python-evtx yields a half-written record (event id 0, time 1601) past the last-record offset.
        ["Microsoft-Windows-HelloForBusiness_Operational.evtx"] = (5, 0, [6], "half-written record not yielded"),

        // python-evtx yields two records beyond a chunk's last-record offset plus one empty one; we stop at the
        // offset as evtxexport does, and recover 31 records after damaged ones.
        ["sample_with_a_bad_chunk_magic.evtx"] = (298, 31, [46741, 47640, 45933], "records past the last-record offset not yielded"),
    };

    public static IEnumerable<object[]> Files => Samples.EvtxFiles().Select(f => new object[] { f });

    [TestMethod]
    [DynamicData(nameof(Files))]
    public void RecordsMatchOracle(string file)
    {
        var summary = new InputSummary(file);
        List<(string Line, bool Recovered)> ours;
        using (var stream = new ForwardOnlyStream(File.OpenRead(Samples.Evtx(file))))
        {
            ours = [.. new EvtxReader().ReadXml(stream, file, summary)
                .Select(x => (Samples.Line(x.Record, x.EventRecordId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty), x.Record.Recovered))];
        }

        var oracle = Samples.Oracle(Path.Combine(Samples.EvtxDir, "oracle", file + ".tsv"));
        if (!Exceptions.TryGetValue(file, out var expected))
        {
            CollectionAssert.AreEqual(oracle, ours.Select(o => o.Line).ToList(), $"{file}: records differ from the oracle");
            return;
        }

        Assert.AreEqual(expected.Total, ours.Count, $"{file}: record count ({expected.Why})");
        if (expected.ExtraRecovered < 0)
        {
            Assert.IsEmpty(oracle, $"{file}: oracle expected empty");
            Assert.AreEqual(0L, summary.Skipped, $"{file}: nothing skipped");
            Assert.IsTrue(ours.All(o => o.Line.Split('\t')[2].Length > 0), $"{file}: every record has a provider");
            return;
        }

        var notYielded = expected.NotYielded.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        var wanted = oracle.Where(l => !notYielded.Contains(l.Split('\t')[0])).ToList();
        Assert.AreEqual(oracle.Count - expected.NotYielded.Length, wanted.Count, $"{file}: oracle lines to leave out");

        // The oracle's records appear in our output in the same order; everything else is recovered.
        var wantedSet = wanted.ToHashSet();
        CollectionAssert.AreEqual(wanted, ours.Where(o => wantedSet.Contains(o.Line)).Select(o => o.Line).ToList(), $"{file}: oracle records");
        var extra = ours.Where(o => !wantedSet.Contains(o.Line)).ToList();
        if (file == "pyevtx_issue_43.evtx")
        {
            Assert.HasCount(1, extra);
            Assert.StartsWith("508\t", extra[0].Line);
            return;
        }

        Assert.HasCount(expected.ExtraRecovered, extra, $"{file}: extra records");
        Assert.IsTrue(extra.All(e => e.Recovered), $"{file}: extra records are marked recovered");
    }
}
