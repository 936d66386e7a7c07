using Diagnose.Core.Inputs;
using Diagnose.Ingest.Evtx.BinXml;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>Field extraction, XML rendering and value formatting on known records.</summary>
[TestClass]
public sealed class EvtxDetailTests
{
    [TestMethod]
    public void SecurityLogonRecordIsFullyExtracted()
    {
        var summary = new InputSummary("security.evtx");
        using var stream = File.OpenRead(Samples.Evtx("security.evtx"));
        var x = new EvtxReader().ReadXml(stream, "security.evtx", summary).Skip(1).First();
        var r = x.Record;

        Assert.AreEqual("Microsoft-Windows-Security-Auditing", r.Provider);
        Assert.AreEqual(Guid.Parse("54849625-5478-4994-A5BA-3E3B0328C30D"), r.ProviderGuid);
        Assert.AreEqual(4624, r.EventId);
        Assert.AreEqual(12544, r.Task);
        Assert.AreEqual(0x8020000000000000UL, r.Keywords);
        Assert.AreEqual(456, r.ProcessId);
        Assert.AreEqual(460, r.ThreadId);
        Assert.AreEqual("Security", r.Channel);
        Assert.AreEqual(2L, r.RecordNumber);
        Assert.AreEqual(2UL, x.EventRecordId);
        Assert.AreEqual(DateTimeKind.Utc, r.TimeUtc?.Kind);
        Assert.IsGreaterThan(4608L, r.Origin.Offset ?? 0, "second record lies after the first at 0x1200");
        Assert.AreEqual("S-1-5-18", r.Data.Single(d => d.Name == "TargetUserSid").Value);
        Assert.AreEqual("0x3E7", r.Data.Single(d => d.Name == "TargetLogonId").Value);
        Assert.AreEqual("{00000000-0000-0000-0000-000000000000}", r.Data.Single(d => d.Name == "LogonGuid").Value);
        StringAssert.Contains(x.Xml, "<Data Name=\"TargetUserSid\">S-1-5-18</Data>");
        StringAssert.Contains(x.Xml, "<TimeCreated SystemTime=\"2016-07-08T18:12:51.6816408Z\"/>");
        StringAssert.StartsWith(x.Xml, "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>");
    }

    [TestMethod]
    public void ClassicEventKeepsQualifiersAndUserSid()
    {
        var summary = new InputSummary("2-vss_7-System.evtx");
        using var stream = File.OpenRead(Samples.Evtx("2-vss_7-System.evtx"));
        var records = new EvtxReader().Read(stream, "s", summary).Take(2).ToList();
        Assert.AreEqual("S-1-5-18", records[0].UserSid);
        Assert.AreEqual("2018-07-06T18:37:44.4858175Z", records[0].Data.Single(d => d.Name == "StartTime").Value);
        Assert.AreEqual(6009, records[1].EventId);
        Assert.AreEqual(32768, records[1].Qualifiers);
        Assert.AreEqual("Multiprocessor Free", records[1].Data[3].Value);
        Assert.IsNull(records[1].Data[3].Name);
    }

    [TestMethod]
    public void RawBinaryXmlWithoutTemplatesIsRead()
    {
        // Forwarded/exported events store plain elements without dependency identifiers; both reference parsers fail.
        var summary = new InputSummary("wec");
        using var stream = File.OpenRead(Samples.Evtx("MSExchange_Management_wec.evtx"));
        var x = new EvtxReader().ReadXml(stream, "wec", summary).Single();
        Assert.AreEqual("MSExchange CmdletLogs", x.Record.Provider);
        Assert.AreEqual(1, x.Record.EventId);
        Assert.AreEqual(16384, x.Record.Qualifiers);
        Assert.AreEqual(3229UL, x.EventRecordId);
        Assert.AreEqual("Set-Mailbox", x.Record.Data[0].Value);
        Assert.AreEqual(new DateTime(2021, 11, 19, 16, 52, 33, DateTimeKind.Utc).AddTicks(8337335), x.Record.TimeUtc);
    }

    [TestMethod]
    public void ValuesFormatLikeWindows()
    {
        byte[] sid = [1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0xF4, 1, 0, 0];
        Assert.AreEqual("S-1-5-21-1-2-3-500", ValueFormatter.Format(BinXmlValueType.Sid, sid));
        Assert.AreEqual("0x3E7", ValueFormatter.Format(BinXmlValueType.HexInt64, BitConverter.GetBytes(999L)));
        Assert.AreEqual("0x10", ValueFormatter.Format(BinXmlValueType.HexInt32, BitConverter.GetBytes(16)));
        Assert.AreEqual("-5", ValueFormatter.Format(BinXmlValueType.Int32, BitConverter.GetBytes(-5)));
        Assert.AreEqual("true", ValueFormatter.Format(BinXmlValueType.Bool, BitConverter.GetBytes(unchecked((int)0xFFFFFFFF))));
        Assert.AreEqual("false", ValueFormatter.Format(BinXmlValueType.Bool, BitConverter.GetBytes(0)));
        Assert.AreEqual("0A0BFF", ValueFormatter.Format(BinXmlValueType.Binary, [0x0A, 0x0B, 0xFF]));
        var g = Guid.Parse("54849625-5478-4994-a5ba-3e3b0328c30d");
        Assert.AreEqual("{54849625-5478-4994-A5BA-3E3B0328C30D}", ValueFormatter.Format(BinXmlValueType.Guid, g.ToByteArray()));
        var ft = new DateTime(2016, 7, 8, 18, 12, 51, DateTimeKind.Utc).AddTicks(6816408).ToFileTimeUtc();
        Assert.AreEqual("2016-07-08T18:12:51.6816408Z", ValueFormatter.Format(BinXmlValueType.FileTime, BitConverter.GetBytes(ft)));
        byte[] st = [0xE0, 0x07, 7, 0, 5, 0, 8, 0, 18, 0, 12, 0, 51, 0, 0x7B, 0];
        Assert.AreEqual("2016-07-08T18:12:51.1230000Z", ValueFormatter.Format(BinXmlValueType.SysTime, st));
        byte[] strings = [(byte)'a', 0, 0, 0, (byte)'b', 0, 0, 0];
        Assert.AreEqual("a, b", ValueFormatter.Format(BinXmlValueType.ArrayOf | BinXmlValueType.String, strings));
        Assert.AreEqual("1, 2", ValueFormatter.Format(BinXmlValueType.ArrayOf | BinXmlValueType.UInt32, [1, 0, 0, 0, 2, 0, 0, 0]));
    }

    [TestMethod]
    public void Crc32MatchesRfc1952()
    {
        Assert.AreEqual(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.AreEqual(Crc32.Compute("123456789"u8), Crc32.Append(Crc32.Compute("1234"u8), "56789"u8));
    }
}
