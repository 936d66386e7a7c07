using Newtonsoft.Json.Linq;

namespace Diagnose.Reports.Html.Tests;

/// <summary>
/// What issue 13's mechanisms add to the JSON report, on the page: <c>ruledOut[]</c>, each diagnosis'
/// <c>competing[]</c> and <c>confidenceBasis</c>, and <c>collect[]</c>, in the verdict at a glance and per diagnosis.
/// Each test runs <c>analyze</c> twice on the same inputs (json, then html) and compares the page with the JSON.
/// A test rule that uses <c>unless</c>, <c>corroborate</c> and <c>competes</c> (tests/test-rules/weighed-412, shared
/// with the engine's EvidenceModelTests) is given with <c>--rules</c>.
/// </summary>
[TestClass]
public sealed class EvidenceModelPageTests
{
    public TestContext TestContext { get; set; } = null!;

    private static string Xml => Path.Combine(AppContext.BaseDirectory, "samples", "formats", "KB293302", "xml");

    [TestMethod]
    public async Task AnalyzeHtml_CompetingCausesWithCorroboration_ShowsRankSeparatingFactAndBasisAsInTheJson()
    {
        var (json, page) = await Open("competing", Xml);
        await using var _ = page;

        var diagnoses = (JArray)json["diagnoses"]!;
        Assert.HasCount(2, diagnoses, "the built-in rule and the test rule both diagnose");
        var cards = await Texts(page, "document", "[data-section=glance] .card[data-rule]");
        for (var i = 0; i < diagnoses.Count; i++)
        {
            var d = diagnoses[i];
            var section = $"document.getElementById('r0-d{i}')";
            StringAssert.StartsWith(cards[i], $"#{i + 1} {(string)d["kb"]!}", "glance cards are in the JSON's rank order");
            var competing = ((JArray)d["competing"]!).Single();
            StringAssert.Contains(cards[i], $"competes with {(string)competing["rule"]!} (separated by {(string)competing["separatedBy"]!})");
            Assert.AreEqual((string)competing["rule"]!, await page.Eval<string>($"{section}.querySelector('[data-section=competing] li[data-rule]').dataset.rule"));
            Assert.AreEqual((string)competing["separatedBy"]!, await page.Eval<string>($"{section}.querySelector('[data-section=competing] [data-separated-by]').textContent"));
            StringAssert.Contains(await page.Eval<string>($"{section}.querySelector('[data-section=competing] li').textContent"), $"ranked {(i == 0 ? 2 : 1)} of 2");
            await AssertBasis(page, section, d);
        }

        var weighed = diagnoses.Single(d => (string)d["rule"]! == "Test.weighed-412");
        Assert.HasCount(1, (JArray)weighed["confidenceBasis"]!["corroborating"]!, "the 609 on NODE2 corroborates");
    }

    [TestMethod]
    public async Task AnalyzeHtml_SnapshotContradictsTheCandidate_ShowsItRuledOutWithReasonAndEvidence()
    {
        var snapshot = Snapshot("contradicted", "Windows Server 2003", "Windows Server 2003");
        var (json, page) = await Open("ruled-out", Xml, snapshot);
        await using var _ = page;

        var ruledOut = (JArray)json["ruledOut"]!;
        var candidate = ruledOut.Single(r => (string)r["rule"]! == "Test.weighed-412");
        Assert.IsFalse(((JArray)json["diagnoses"]!).Any(d => (string)d["rule"]! == "Test.weighed-412"), "a ruled-out candidate is no diagnosis");

        Assert.IsTrue(ruledOut.Any(r => (string)r["rule"]! == "KB293302.log-unreadable-after-upgrade-elsewhere"), "the built-in rule is ruled out by the same snapshot");

        // Every node on Windows Server 2003 also rules out the built-in KB293302 rule, so no diagnosis may be left:
        // the candidates are then shown at a glance only; with a diagnosis left, under it too.
        var roots = new List<string> { "document.querySelector('[data-section=glance]')" };
        if (json["diagnoses"]!.FirstOrDefault() is { } first && (string)first["kb"]! == "KB293302")
        {
            roots.Add("document.getElementById('r0-d0')");
        }

        foreach (var root in roots)
        {
            var shown = await Texts(page, root, "[data-section=ruled-out] li[data-rule]");
            if (root == roots[0])
            {
                Assert.HasCount(ruledOut.Count, shown, "every ruled-out candidate of the JSON at a glance");
            }
            else
            {
                Assert.IsGreaterThanOrEqualTo(1, shown.Count, "the diagnosis' article's ruled-out candidates under it");
            }

            var item = $"({root}).querySelector('[data-section=ruled-out] li[data-rule=\"Test.weighed-412\"]')";
            Assert.AreEqual((string)candidate["reason"]!, await page.Eval<string>($"{item}.querySelector('[data-reason]').textContent"));
            StringAssert.Contains(await page.Eval<string>($"{item}.textContent"), (string)candidate["rootCause"]!);
            var by = ReportPageScript.Parse(await page.Eval<string>(ReportPageScript.Keys(item, "[data-key]")));
            CollectionAssert.AreEquivalent(candidate["by"]!.Select(CliReportTests.Key).ToList(), by.Keys.ToList(), "the contradicting evidence");
        }
    }

    [TestMethod]
    public async Task AnalyzeHtml_CorroborationMissingAndALogAbsent_ShowsMissingWithItsCollectAndEveryCollectItem()
    {
        // Only NODE1's logs, and a snapshot naming NODE2 (whose engine is Windows 2000: nothing is ruled out).
        var snapshot = Snapshot("missing", "Windows 2000", "Windows Server 2003");
        var (json, page) = await Open("collect", Path.Combine(Xml, "NODE1_Application.xml"), Path.Combine(Xml, "NODE1_System.xml"), snapshot);
        await using var _ = page;

        var diagnoses = (JArray)json["diagnoses"]!;
        var index = diagnoses.IndexOf(diagnoses.Single(d => (string)d["rule"]! == "Test.weighed-412"));
        Assert.HasCount(1, (JArray)diagnoses[index]["confidenceBasis"]!["missing"]!);
        await AssertBasis(page, $"document.getElementById('r0-d{index}')", diagnoses[index]);

        var collect = (JArray)json["collect"]!;
        Assert.IsNotEmpty(collect, "NODE2's Application log is asked for");
        Assert.AreEqual(collect.Count, await page.Eval<int>("document.querySelectorAll('[data-section=glance] [data-section=collect] li[data-collect]').length"));
        for (var i = 0; i < collect.Count; i++)
        {
            var c = collect[i];
            var item = $"document.querySelector('[data-section=glance] [data-section=collect] li[data-collect=\"{i}\"]')";
            Assert.AreEqual((string)c["what"]!, await Text(page, item, "[data-what]"));
            var placed = c["node"]!.Type != JTokenType.Null || c["log"]!.Type != JTokenType.Null;
            Assert.AreEqual(placed ? (string?)c["node"] ?? "any" : null, await Text(page, item, "[data-node]"));
            Assert.AreEqual(placed ? (string?)c["log"] ?? "none" : null, await Text(page, item, "[data-log]"));
            Assert.AreEqual((string?)c["window"]?["from"], await Text(page, item, "[data-from]"));
            Assert.AreEqual((string?)c["window"]?["to"], await Text(page, item, "[data-to]"));
            Assert.AreEqual((string?)c["command"], await Text(page, item, "[data-command]"));
            Assert.AreEqual(string.Join(", ", c["because"]!.Select(b => (string)b!)), await Text(page, item, "[data-because]"));
        }
    }

    [TestMethod]
    public async Task AnalyzeHtml_NoRootCause_GlanceSaysSoWithWhatToCollect()
    {
        // A lone ClusSvc 1024 with no snapshot: nothing is diagnosed, and the snapshot is asked for.
        var (json, page) = await Open("none", Path.Combine(AppContext.BaseDirectory, "samples", "controls", "lone-1024"));
        await using var _ = page;

        Assert.IsEmpty((JArray)json["diagnoses"]!);
        var collect = (JArray)json["collect"]!;
        Assert.IsNotEmpty(collect);
        var verdict = await page.Eval<string>("document.querySelector('[data-verdict=none]').textContent");
        StringAssert.Contains(verdict, "No known root cause");
        StringAssert.Contains(verdict, "what to collect");
        var shown = await Texts(page, "document.querySelector('[data-section=glance]')", "[data-section=collect] [data-what]");
        CollectionAssert.AreEqual(collect.Select(c => (string)c["what"]!).ToList(), shown);
        StringAssert.Contains(await page.Eval<string>("document.querySelector('[data-section=glance] [data-section=ruled-out]').textContent"), "No candidate cause was ruled out");
    }

    /// <summary>The confidence basis of one diagnosis section against its JSON: numbers, required, corroborating and missing evidence.</summary>
    private static async Task AssertBasis(WatchedPage page, string section, JToken diagnosis)
    {
        var basis = diagnosis["confidenceBasis"]!;
        var root = $"{section}.querySelector('[data-section=confidence]')";
        Assert.AreEqual(((double)diagnosis["confidence"]!).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), await Text(page, root, "[data-confidence]"));
        Assert.AreEqual(((double)basis["base"]!).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), await Text(page, root, "[data-base]"));
        Assert.AreEqual(((double)basis["max"]!).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), await Text(page, root, "[data-max]"));
        Assert.AreEqual((bool)basis["cappedSingleRecord"]!, await page.Eval<bool>($"{root}.querySelector('[data-capped]') !== null"));

        var corroborating = (JArray)basis["corroborating"]!;
        var corroboratingKeys = corroborating.SelectMany(c => c["evidence"]!).Select(CliReportTests.Key).ToHashSet();
        var required = ReportPageScript.Parse(await page.Eval<string>(ReportPageScript.Keys(root, "[data-basis=required] [data-key]")));
        CollectionAssert.AreEquivalent(diagnosis["evidence"]!.Select(CliReportTests.Key).Where(k => !corroboratingKeys.Contains(k)).Distinct().ToList(), required.Keys.ToList(), "required evidence");

        Assert.AreEqual(corroborating.Count, await page.Eval<int>($"{root}.querySelectorAll('[data-basis=corroborating] > li').length"));
        for (var i = 0; i < corroborating.Count; i++)
        {
            var item = $"{root}.querySelectorAll('[data-basis=corroborating] > li')[{i}]";
            Assert.AreEqual((string)corroborating[i]["description"]!, await Text(page, item, "[data-description]"));
            Assert.AreEqual((double)corroborating[i]["weight"]!, double.Parse(await page.Eval<string>($"{item}.dataset.weight"), System.Globalization.CultureInfo.InvariantCulture));
            var keys = ReportPageScript.Parse(await page.Eval<string>(ReportPageScript.Keys(item, "[data-key]")));
            CollectionAssert.AreEquivalent(corroborating[i]["evidence"]!.Select(CliReportTests.Key).ToList(), keys.Keys.ToList());
        }

        var missing = (JArray)basis["missing"]!;
        Assert.AreEqual(missing.Count, await page.Eval<int>($"{root}.querySelectorAll('[data-basis=missing] > li').length"));
        for (var i = 0; i < missing.Count; i++)
        {
            var item = $"{root}.querySelectorAll('[data-basis=missing] > li')[{i}]";
            Assert.AreEqual((string)missing[i]["description"]!, await Text(page, item, "[data-description]"));
            Assert.AreEqual((string)missing[i]["collect"]!, await Text(page, item, "[data-collect]"));
        }
    }

    private async Task<(JObject Json, WatchedPage Page)> Open(string name, params string[] inputs)
    {
        var rules = Path.Combine(AppContext.BaseDirectory, "test-rules", "weighed-412");
        var (exit, output, err) = Incidents.Run(["analyze", .. inputs, "--rules", rules, "--format", "json"]);
        Assert.AreEqual(0, exit, err);
        var file = Path.Combine(TestContext.TestResultsDirectory!, $"report-{name}.html");
        (exit, _, err) = Incidents.Run(["analyze", .. inputs, "--rules", rules, "--format", "html", "--out", file]);
        Assert.AreEqual(0, exit, err);

        var page = await WatchedPage.OpenAsync();
        await page.Page.GoToAsync(new Uri(file).AbsoluteUri);
        Assert.HasCount(1, page.Requests, "the page loads nothing but itself");
        // Times stay the strings the report wrote (Newtonsoft would read them as DateTime).
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(output)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return (JObject.Load(reader), page);
    }

    private string Snapshot(string name, string node1Os, string node2Os)
    {
        var folder = Path.Combine(TestContext.TestResultsDirectory!, $"snapshot-{name}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "snapshot.json");
        File.WriteAllText(file, $$"""
            { "kind": "cluster-snapshot", "cluster": "CLUSTER1", "capturedAt": "2007-02-12T10:00:00Z",
              "nodes": [ { "name": "NODE1", "os": "{{node1Os}}", "servicePack": 0 }, { "name": "NODE2", "os": "{{node2Os}}", "servicePack": 0 } ] }
            """);
        return file;
    }

    private static async Task<List<string>> Texts(WatchedPage page, string root, string selector) =>
        (await page.Eval<string>(ReportPageScript.Texts(root, selector))).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>The text of the first element a selector finds under <paramref name="root"/>, or null when there is none.</summary>
    private static Task<string?> Text(WatchedPage page, string root, string selector) =>
        page.Eval<string?>($"(() => {{ const e = ({root}).querySelector('{selector}'); return e === null ? null : e.textContent; }})()");
}
