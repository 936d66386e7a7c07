using Diagnose.Api.Uploads;

namespace Diagnose.Api.Tests;

/// <summary>The two small parsers at the service's boundary: upload sizes and client file names.</summary>
[TestClass]
public sealed class InputBoundaryTests
{
    [TestMethod]
    [DataRow("1048576", 1048576L)]
    [DataRow("512KB", 524288L)]
    [DataRow("100mb", 104857600L)]
    [DataRow(" 2 GB ", 2147483648L)]
    [DataRow("10B", 10L)]
    public void ByteSizes_ValidSize_IsParsedInBinaryMultiples(string text, long expected)
    {
        Assert.IsTrue(ByteSizes.TryParse(text, out var bytes, out var error), error);
        Assert.AreEqual(expected, bytes);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("0")]
    [DataRow("-5MB")]
    [DataRow("12XB")]
    [DataRow("1.5GB")]
    [DataRow("99999999999GB")]
    public void ByteSizes_InvalidSize_IsRefusedWithTheExpectedForm(string text)
    {
        Assert.IsFalse(ByteSizes.TryParse(text, out _, out var error));
        StringAssert.Contains(error, "KB, MB or GB");
    }

    [TestMethod]
    [DataRow("NODE1_System.evtx", "NODE1_System.evtx")]
    [DataRow("../../etc/passwd", "passwd")]
    [DataRow("/var/lib/x.evtx", "x.evtx")]
    [DataRow("C:\\Windows\\System32\\winevt\\Logs\\System.evtx", "System.evtx")]
    [DataRow("C:System.evtx", "CSystem.evtx")]
    [DataRow("..", "upload-3")]
    [DataRow("dir/", "upload-3")]
    [DataRow(null, "upload-3")]
    [DataRow("a\u0001b\u007f.csv", "ab.csv")]
    public void SafeNames_ClientName_BecomesALabelWithoutPathParts(string? name, string label) =>
        Assert.AreEqual(label, SafeNames.Label(name, 2));

    [TestMethod]
    public void SafeNames_VeryLongName_IsBounded() =>
        Assert.AreEqual(128, SafeNames.Label(new string('a', 5000) + ".evtx", 0).Length);
}
