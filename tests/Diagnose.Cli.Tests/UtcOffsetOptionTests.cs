using Newtonsoft.Json.Linq;

namespace Diagnose.Cli.Tests;

/// <summary><c>analyze --utc-offset</c>: accepted forms reach the report; bad values are one line and exit 1 before anything is read.</summary>
[TestClass]
public sealed class UtcOffsetOptionTests
{
    [TestMethod]
    [DataRow("+2", "'+2' is not an offset; expected ±hh:mm")]
    [DataRow("02:00", "'02:00' is not an offset")]
    [DataRow("+14:30", "+14:30 is outside the time zones' range -12:00 to +14:00")]
    [DataRow("-12:30", "-12:30 is outside the time zones' range")]
    [DataRow("+01:60", "minutes must be 00 to 59, not 60")]
    [DataRow("=+01:00", "the node name before '=' is empty")]
    [DataRow("NODE1=UTC", "'UTC' is not an offset")]
    public void Analyze_BadUtcOffset_ExitsOneWithTheValueAndWhy(string value, string why)
    {
        var (exit, stdout, stderr) = Cli.Run("analyze", Cli.Sample("formats/KB293302/csv"), "--utc-offset", value);

        Assert.AreEqual(1, exit);
        Assert.AreEqual("", stdout);
        StringAssert.StartsWith(stderr, $"diagnose analyze: --utc-offset '{value}': ");
        StringAssert.Contains(stderr, why);
        Assert.IsFalse(stderr.Contains("   at ", StringComparison.Ordinal), "no stack trace");
    }

    [TestMethod]
    public void Analyze_OffsetGivenTwice_ExitsOneNamingBoth()
    {
        var (exit, _, stderr) = Cli.Run("analyze", Cli.Sample("formats/KB293302/csv"), "--utc-offset", "NODE1=+01:00", "--utc-offset", "node1=+02:00");

        Assert.AreEqual(1, exit);
        StringAssert.Contains(stderr, "node NODE1 was already given an offset (+01:00)");
    }

    [TestMethod]
    public void Analyze_GlobalAndPerNodeOffsets_AreReportedPerNodeAndPerInput()
    {
        var (exit, stdout, _) = Cli.Run("analyze", Cli.Sample("formats/KB293302/csv"), "--format", "json", "--utc-offset", "-05:30", "--utc-offset", "NODE2=+00:00");

        Assert.AreEqual(0, exit);
        var report = JObject.Parse(stdout);
        var nodes = report["clock"]!["nodes"]!.ToDictionary(n => (string)n["node"]!, n => ((string)n["source"]!, (string)n["offset"]!));
        Assert.AreEqual(("given", "-05:30"), nodes["NODE1"]);
        Assert.AreEqual(("given", "+00:00"), nodes["NODE2"]);
        var inputs = report["inputs"]!.ToDictionary(i => Path.GetFileName((string)i["path"]!), i => (string?)i["clock"]);
        Assert.AreEqual("taken as UTC-05:30 (given) for NODE1", inputs["NODE1_System.csv"]);
    }
}
