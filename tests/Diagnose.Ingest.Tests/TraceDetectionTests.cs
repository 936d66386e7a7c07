using Diagnose.Ingest.Detection;

namespace Diagnose.Ingest.Tests;

[TestClass]
public sealed class TraceDetectionTests
{
    [TestMethod]
    [DataRow("eventpipe-dotnetcore5.0-win-x64-arraytypes.nettrace", "nettrace")]
    [DataRow("eventpipe-dotnetcore6.0-win-x64-executioncheckpoints.nettrace", "nettrace")]
    [DataRow("SelfDescribingSingleEvent.etl", "etl")]
    [DataRow("primitive-types.etl", "etl")]
    public void Detect_RealTraces_ByContent(string name, string format)
    {
        var head = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "traces", name)).AsSpan(0, 582);
        Assert.AreEqual(format, FormatDetector.Detect(head).Format);
    }

    [TestMethod]
    public void Detect_EtlBufferHeaderWithAnotherFirstEvent_NotEtl()
    {
        var head = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "traces", "primitive-types.etl")).AsSpan(0, 512).ToArray();
        head[0x4E] = 0x0A; // a hook id other than the log-file header's
        Assert.AreEqual(FormatDetector.Unknown, FormatDetector.Detect(head).Format);
    }
}
