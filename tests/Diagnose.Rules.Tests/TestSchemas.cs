using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Tests;

/// <summary>Small fact types for engine tests: events on nodes, and a derived incident.</summary>
internal static class TestSchemas
{
    public static FactSchemaSet Create()
    {
        var set = new FactSchemaSet();
        set.TryAdd(new FactSchema("Ev", [("node", FieldType.String, null), ("id", FieldType.Integer, null), ("time", FieldType.Time, null), ("text", FieldType.String, null), ("ok", FieldType.Bool, null)], derived: false));
        set.TryAdd(new FactSchema("Incident", [("node", FieldType.String, null), ("time", FieldType.Time, null)], derived: true));
        set.TryAdd(new FactSchema("Storm", [("node", FieldType.String, null)], derived: true));
        return set;
    }

    public static readonly DateTime T0 = new(2024, 3, 5, 10, 0, 0, DateTimeKind.Utc);

    public static Fact Ev(FactSchemaSet set, string node, long id, int minutes, string? text = null, bool? ok = null) =>
        Fact.Create(set.Get("Ev"), new Dictionary<string, object?> { ["node"] = node, ["id"] = id, ["time"] = T0.AddMinutes(minutes), ["text"] = text, ["ok"] = ok });
}
