using Diagnose.Reports;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Engine.Tests;

/// <summary>The JSON report keeps the output contract of DESIGN.md (the same checks as checks/check-report.py).</summary>
[TestClass]
public sealed class ReportContractTests
{
    [TestMethod]
    public void Write_IncidentReport_HasEveryContractField()
    {
        var json = Parse(ReportJson.Write(Engine.Analyze(Engine.Sample("incidents/Q188674-exchange-ds-restore"))));

        foreach (var input in (JArray)json["inputs"]!)
        {
            AssertKeys(input, ("path", JTokenType.String), ("format", JTokenType.String), ("records", JTokenType.Integer), ("recovered", JTokenType.Integer), ("skipped", JTokenType.Integer), ("errors", JTokenType.Array));
        }

        var diagnosis = ((JArray)json["diagnoses"]!).Single();
        AssertKeys(diagnosis, ("rule", JTokenType.String), ("kb", JTokenType.String), ("rootCause", JTokenType.String), ("confidence", JTokenType.Float), ("nodes", JTokenType.Array), ("evidence", JTokenType.Array));
        foreach (var evidence in (JArray)diagnosis["evidence"]!)
        {
            AssertEventReference(evidence);
        }

        AssertKeys(diagnosis["fix"]!, ("plan", JTokenType.String), ("steps", JTokenType.Array));
        Assert.AreEqual("validated", (string?)diagnosis["fix"]!["validation"]!["verdict"]);
        Assert.AreEqual(JTokenType.Integer, diagnosis["fix"]!["validation"]!["faultSchedules"]!.Type);
        var benign = ((JArray)json["benign"]!).Single();
        AssertEventReference(benign);
        AssertKeys(benign, ("reason", JTokenType.String));
        Assert.AreEqual(JTokenType.Array, json["unexplained"]!.Type);
    }

    [TestMethod]
    public void Write_PastedTextEvidence_HasANullRecord()
    {
        var json = Parse(ReportJson.Write(Engine.Analyze(Engine.Sample("formats/Q188674/text"))));

        var evidence = (JObject)json["diagnoses"]![0]!["evidence"]![0]!;
        Assert.IsTrue(evidence.ContainsKey("record"));
        Assert.AreEqual(JTokenType.Null, evidence["record"]!.Type);
    }

    private static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static void AssertEventReference(JToken e) =>
        AssertKeys(e, ("source", JTokenType.String), ("eventId", JTokenType.Integer), ("provider", JTokenType.String), ("time", JTokenType.String), ("node", JTokenType.String), ("record", JTokenType.Integer));

    private static void AssertKeys(JToken token, params (string Key, JTokenType Type)[] keys)
    {
        foreach (var (key, type) in keys)
        {
            Assert.IsNotNull(token[key], $"missing '{key}' in {token}");
            Assert.AreEqual(type, token[key]!.Type, $"'{key}' in {token}");
        }
    }
}
