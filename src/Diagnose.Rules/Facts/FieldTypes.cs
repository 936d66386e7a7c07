namespace Diagnose.Rules.Facts;

/// <summary>Names of field types as written in schema files, and checks of runtime values against them.</summary>
public static class FieldTypes
{
    /// <summary>Reads a type name as schema files write it, ignoring case (<c>int</c> or <c>integer</c>, <c>bool</c> or <c>boolean</c>, …).</summary>
    /// <returns>False, with <see cref="FieldType.Null"/>, for a name that is no field type.</returns>
    public static bool TryParse(string name, out FieldType type)
    {
        switch (name.ToLowerInvariant())
        {
            case "string": type = FieldType.String; return true;
            case "int" or "integer": type = FieldType.Integer; return true;
            case "number": type = FieldType.Number; return true;
            case "bool" or "boolean": type = FieldType.Bool; return true;
            case "time": type = FieldType.Time; return true;
            case "duration": type = FieldType.Duration; return true;
            default: type = FieldType.Null; return false;
        }
    }

    /// <summary>The name schema files use for a type: <c>int</c> for <see cref="FieldType.Integer"/>, otherwise the lower-case enum name.</summary>
    public static string Name(FieldType type) => type switch
    {
        FieldType.Integer => "int",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Brings a value into the runtime representation of its field type, or says why it cannot.</summary>
    public static bool TryCoerce(object? value, FieldType type, out object? result)
    {
        result = null;
        if (value is null)
        {
            return true;
        }

        switch (type)
        {
            case FieldType.String:
                result = value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                return true;
            case FieldType.Integer:
                switch (value)
                {
                    case long l: result = l; return true;
                    case int i: result = (long)i; return true;
                    case double d when Math.Floor(d) == d: result = (long)d; return true;
                    case string s when long.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var p): result = p; return true;
                    default: return false;
                }

            case FieldType.Number:
                switch (value)
                {
                    case double d: result = d; return true;
                    case long l: result = (double)l; return true;
                    case int i: result = (double)i; return true;
                    case string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p): result = p; return true;
                    default: return false;
                }

            case FieldType.Bool:
                if (value is bool b)
                {
                    result = b;
                    return true;
                }

                return false;
            case FieldType.Time:
                switch (value)
                {
                    case DateTime t: result = t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc); return true;
                    case DateTimeOffset o: result = o.UtcDateTime; return true;
                    case string s when DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var p): result = p.UtcDateTime; return true;
                    default: return false;
                }

            case FieldType.Duration:
                if (value is TimeSpan ts)
                {
                    result = ts;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }
}
