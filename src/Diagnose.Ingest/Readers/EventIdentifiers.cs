namespace Diagnose.Ingest.Readers;

/// <summary>Splits a legacy 32-bit event identifier into the event ID and its qualifier bits.</summary>
internal static class EventIdentifiers
{
    /// <summary>0xC000019C gives (412, 0xC000); a value that fits in 16 bits is returned with no qualifiers.</summary>
    public static (int Id, int Qualifiers) Split(long raw)
    {
        var bits = unchecked((uint)raw);
        return ((int)(bits & 0xFFFF), (int)(bits >> 16));
    }

    /// <summary>Parses a decimal or 0x-prefixed hexadecimal identifier.</summary>
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var ok = ulong.TryParse(t.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var hex);
            value = unchecked((long)hex);
            return ok && hex <= uint.MaxValue;
        }

        return long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)
               && value <= uint.MaxValue;
    }
}
