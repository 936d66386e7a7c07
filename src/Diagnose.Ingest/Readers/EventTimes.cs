using System.Globalization;

namespace Diagnose.Ingest.Readers;

/// <summary>Time formats met in exports and pasted text, all turned into UTC.</summary>
internal static class EventTimes
{
    // Event Viewer writes the machine's short date and long time; en-US is by far the most common in tickets.
    private static readonly string[] LocalFormats =
    [
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm",
        "M/d/yy h:mm:ss tt", "M/d/yy H:mm:ss",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd h:mm:ss tt",
        "M/d/yyyy", "yyyy-MM-dd",
    ];

    /// <summary>
    /// ISO-8601 as Windows writes it: <c>2024-03-05T10:00:00.1234567Z</c>, any number of fractional
    /// digits (kept to the 100 ns tick), an optional Z or ±hh:mm offset; no zone means UTC.
    /// </summary>
    public static bool TryParseIso(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null)
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && (s[i] == '.' || s[i] == ','))
        {
            i++;
            var scale = 1_000_000L;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                fractionTicks += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        var offset = TimeSpan.Zero;
        if (i < s.Length)
        {
            var zone = s[i..];
            if (zone is "Z" or "z")
            {
                offset = TimeSpan.Zero;
            }
            else if (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
                     && Digits(zone.Slice(1, 2), out var oh) && Digits(zone.Slice(4, 2), out var om))
            {
                offset = new TimeSpan(oh, om, 0) * (zone[0] == '-' ? -1 : 1);
            }
            else if (zone.Length == 5 && (zone[0] == '+' || zone[0] == '-')
                     && Digits(zone.Slice(1, 2), out var ch) && Digits(zone.Slice(3, 2), out var cm))
            {
                offset = new TimeSpan(ch, cm, 0) * (zone[0] == '-' ? -1 : 1);
            }
            else
            {
                return false;
            }
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return true;
    }

    /// <summary>A zone-less local time as Event Viewer and tickets write it, or ISO-8601; taken as UTC.</summary>
    public static bool TryParseLocal(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (TryParseIso(t, out utc))
        {
            return true;
        }

        if (DateTime.TryParseExact(t, LocalFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The Microsoft JSON date <c>/Date(1555324331000)/</c> or <c>/Date(1555324331000+0200)/</c>: the number is
    /// milliseconds since 1970 in UTC whatever the suffix says.
    /// </summary>
    public static bool TryParseMicrosoftJson(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null)
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (!s.StartsWith("/Date(") || !s.EndsWith(")/"))
        {
            return false;
        }

        var body = s[6..^2];
        var end = 1;
        while (end < body.Length && char.IsAsciiDigit(body[end]))
        {
            end++;
        }

        if (!long.TryParse(body[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        try
        {
            utc = DateTime.UnixEpoch.AddMilliseconds(ms);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
