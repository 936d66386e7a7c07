using System.Text;
using Diagnose.Ingest.Detection;

namespace Diagnose.Ingest.Tests;

[TestClass]
public sealed class FormatDetectorTests
{
    private static string Detect(string text, Encoding? encoding = null) => FormatDetector.Detect(TestInput.Bytes(text, encoding)).Format;

    [TestMethod]
    public void Detect_ElfFileMagic_Evtx()
    {
        var head = new byte[4096];
        "ElfFile\0"u8.CopyTo(head);
        Assert.AreEqual(FormatDetector.Evtx, FormatDetector.Detect(head).Format);
    }

    [TestMethod]
    public void Detect_LfLeAtOffset4WithHeaderSize_Evt()
    {
        byte[] head = [0x30, 0, 0, 0, (byte)'L', (byte)'f', (byte)'L', (byte)'e', 1, 0, 0, 0, 1, 0, 0, 0, 0x30, 0, 0, 0];
        Assert.AreEqual(FormatDetector.Evt, FormatDetector.Detect(head).Format);
    }

    [TestMethod]
    public void Detect_XmlInEveryBomEncoding_Xml()
    {
        const string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'></Event></Events>";
        Assert.AreEqual(FormatDetector.Xml, Detect(xml, new UnicodeEncoding(bigEndian: false, byteOrderMark: true)));
        Assert.AreEqual(FormatDetector.Xml, Detect(xml, new UnicodeEncoding(bigEndian: true, byteOrderMark: true)));
        Assert.AreEqual(FormatDetector.Xml, Detect(xml, new UTF8Encoding(true)));
        Assert.AreEqual(FormatDetector.Xml, Detect("\r\n  <Event xmlns='x'><System/></Event>"));
    }

    [TestMethod]
    public void Detect_JsonArrayAndEventObject_Json()
    {
        Assert.AreEqual(FormatDetector.Json, Detect("[\r\n    {\r\n        \"Id\":  1042,"));
        Assert.AreEqual(FormatDetector.Json, Detect("{\"Id\": 1042, \"ProviderName\": \"ClusSvc\", \"Properties\": [{\"nodes\": 1}]}"));
    }

    [TestMethod]
    public void Detect_ObjectWithTopLevelSnapshotKeys_Snapshot()
    {
        Assert.AreEqual(FormatDetector.Snapshot, Detect("{\n  \"cluster\": \"C1\",\n  \"nodes\": []\n}"));
        Assert.AreEqual(FormatDetector.Snapshot, Detect("{\"quorum\": {}}"));
        Assert.AreEqual(FormatDetector.Snapshot, Detect("{ \"kind\" : \"cluster-snapshot\" }"));
        Assert.AreEqual(FormatDetector.Snapshot, Detect(File.ReadAllText(TestInput.DataPath("snapshot.json"))));
    }

    [TestMethod]
    public void Detect_EventViewerCsvHeaders_Csv()
    {
        Assert.AreEqual(FormatDetector.Csv, Detect("Level,Date and Time,Source,Event ID,Task Category\r\nError,3/5/2024 9:58:12 AM,ESENT,412,(3),x\r\n"));
        Assert.AreEqual(FormatDetector.Csv, Detect("Date,Time,Source,Type,Category,Event,User,Computer,Description\n"));
        Assert.AreEqual(FormatDetector.Csv, Detect(File.ReadAllText(TestInput.DataPath("legacy-system.csv"))));
    }

    [TestMethod]
    public void Detect_PastedEventText_Text()
    {
        Assert.AreEqual(FormatDetector.Text, Detect("Hello,\n\nwe see this:\nevent id 1024 from ClusSvc\n"));
        Assert.AreEqual(FormatDetector.Text, Detect(File.ReadAllText(TestInput.DataPath("ticket.txt"))));
    }

    [TestMethod]
    public void Detect_RandomBytes_UnknownBinary()
    {
        var random = new Random(4711);
        foreach (var size in new[] { 8192, 512, 24 })
        {
            var head = new byte[size];
            random.NextBytes(head);
            var detected = FormatDetector.Detect(head);
            Assert.AreEqual(FormatDetector.Unknown, detected.Format, $"size {size}");
            Assert.AreEqual("binary data, no known signature", detected.Reason);
        }
    }

    [TestMethod]
    public void Detect_ProseWithoutEvents_UnknownText()
    {
        var detected = FormatDetector.Detect(TestInput.Bytes("The cluster failed again last night.\nPlease advise.\n"));
        Assert.AreEqual(FormatDetector.Unknown, detected.Format);
        Assert.Contains("text without event records", detected.Reason);
    }

    [TestMethod]
    public void Detect_Empty_Unknown()
    {
        Assert.AreEqual(FormatDetector.Unknown, FormatDetector.Detect([]).Format);
    }
}
