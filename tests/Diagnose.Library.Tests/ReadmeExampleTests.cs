using System.Text.RegularExpressions;

namespace Diagnose.Library.Tests;

[TestClass]
public sealed partial class ReadmeExampleTests
{
    [TestMethod]
    [DataRow("README.md")]
    [DataRow("PACKAGE.md")]
    public void EmbeddingExample_InDocument_IsExactlyTheCompiledExample(string document)
    {
        var source = File.ReadAllText(Samples.Doc("ReadmeExample.cs"));
        var region = Region().Match(source);
        Assert.IsTrue(region.Success, "ReadmeExample.cs lost its README markers");
        var example = Dedent(region.Groups[1].Value);

        var blocks = Fenced().Matches(File.ReadAllText(Samples.Doc(document))).Select(m => Dedent(m.Groups[1].Value)).ToList();
        CollectionAssert.Contains(blocks, example, $"{document} must show the lines of ReadmeExample.cs between the README markers, verbatim");
    }

    [TestMethod]
    public async Task EmbeddingExample_OnBundledIncident_PrintsTheArticleAndItsFix()
    {
        var output = new StringWriter();
        var report = await ReadmeExample.RunAsync(Samples.Incident("KB293302-wins-rolling-upgrade"), [], output, CancellationToken.None);

        Assert.AreEqual("KB293302", report.Diagnoses.Single().Kb);
        StringAssert.StartsWith(output.ToString(), "KB293302: ");
        StringAssert.Contains(output.ToString(), "  fix: ");
        Assert.AreEqual(7, report.Inputs.Count);
    }

    private static string Dedent(string block)
    {
        var lines = block.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
    }

    [GeneratedRegex(@"// README begin\r?\n(.*?)\r?\n[ \t]*// README end", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex(@"```csharp\r?\n(.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex Fenced();
}
