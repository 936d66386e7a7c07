namespace Diagnose.Knowledge.Events;

/// <summary>Windows event levels as a catalog writes them ("error") and as records carry them (2).</summary>
internal static class EventLevels
{
    public static readonly IReadOnlyDictionary<string, int> ByName = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["critical"] = 1,
        ["error"] = 2,
        ["warning"] = 3,
        ["information"] = 4,
        ["verbose"] = 5,
    };
}
