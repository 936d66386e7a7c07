using System.Text;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class FactLinesReaderTests
{
    [TestMethod]
    public void Read_GoodAndBadLines_KeepsGoodOnesAndReportsEachBadOneExactly()
    {
        var text = string.Join("\n",
            """{"type": "Ev", "node": "N1", "id": 1, "time": 1700000000}""",
            """{"node": "N2", "type": "Ev", "id": 2, "time": "2024-03-05T10:00:00Z", "text": 5}""",
            "",
            """{"type": "Ev", "nod": "N3"}""",
            """{"type": "Ev", "id": "x"}""",
            """{"type": "Other"}""",
            """{"type": "Ev", "id": 1""",
            """{"type": "Ev", "node": "N4", "id": 4}""") + "\r\n";
        var reader = new FactLinesReader(TestSchemas.Create());
        var facts = reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "f.jsonl").ToList();

        CollectionAssert.AreEqual(new[] { "N1", "N2", "N4" }, facts.Select(f => (string?)f["node"]).ToArray());
        Assert.AreEqual(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), facts[0]["time"]);
        Assert.AreEqual("5", facts[1]["text"], "a number in a string field is kept as its text");
        Assert.AreEqual(new FactLine("f.jsonl", 8), facts[2].Origin);
        Assert.AreEqual(4, reader.Skipped);
        CollectionAssert.AreEqual(
            new[]
            {
                "f.jsonl(4,16): fact type 'Ev' has no field 'nod': its fields are node, id, time, text, ok",
                "f.jsonl(5,22): 'Ev.id' must be an integer",
                "f.jsonl(6,10): unknown fact type 'Other': known types are Ev, Incident, Storm",
            },
            reader.Problems.Take(3).Select(p => p.ToString()).ToArray(),
            string.Join("\n", reader.Problems));
        StringAssert.StartsWith(reader.Problems[3].ToString(), "f.jsonl(7,");
        StringAssert.Contains(reader.Problems[3].Message, "not valid JSON");
    }

    [TestMethod]
    public void Read_LineLongerThanTheBuffer_IsReadWhole()
    {
        var longText = new string('x', 3 << 20);
        var text = $$"""{"type": "Ev", "node": "N1", "text": "{{longText}}"}""" + "\n" + """{"type": "Ev", "node": "N2"}""";
        var facts = new FactLinesReader(TestSchemas.Create()).Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "big").ToList();
        Assert.AreEqual(longText, facts[0]["text"]);
        Assert.AreEqual("N2", facts[1]["node"]);
    }
}
