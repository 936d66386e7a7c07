using System.Globalization;

namespace Diagnose.Api;

/// <summary>Parses sizes such as <c>1048576</c>, <c>512KB</c>, <c>100MB</c> or <c>2GB</c> (binary multiples, case-insensitive).</summary>
public static class ByteSizes
{
    public static bool TryParse(string? text, out long bytes, out string? error)
    {
        bytes = 0;
        error = null;
        var value = text?.Trim() ?? "";
        var multiplier = 1L;
        foreach (var (suffix, factor) in new[] { ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("B", 1L) })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                multiplier = factor;
                value = value[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0 || number > long.MaxValue / multiplier)
        {
            error = $"'{text}' is not a size: expected a positive number of bytes, optionally with a KB, MB or GB suffix (for example 100MB)";
            return false;
        }

        bytes = number * multiplier;
        return true;
    }
}
