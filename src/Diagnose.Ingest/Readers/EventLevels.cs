namespace Diagnose.Ingest.Readers;

/// <summary>Maps the level or type words of exports and pasted text to Windows level numbers.</summary>
internal static class EventLevels
{
    /// <summary>1 critical, 2 error, 3 warning, 4 information, 5 verbose; 0 for audits and unknown words.</summary>
    public static int FromWord(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return 0;
        }

        var w = word.Trim().ToLowerInvariant();
        if (int.TryParse(w, out var number) && number is >= 0 and <= 5)
        {
            return number;
        }

        return w switch
        {
            "critical" => 1,
            "error" => 2,
            "warning" => 3,
            "information" or "informational" or "info" => 4,
            "verbose" => 5,
            _ => 0,
        };
    }
}
