namespace Diagnose.Knowledge.Events;

/// <summary>
/// Every catalogued event, from the <c>*.events.json</c> files of the rule folders: found by name, or by
/// provider (or alias, case-insensitive) and event ID with the qualifier bits masked.
/// </summary>
public sealed class EventCatalog
{
    private readonly Dictionary<string, CatalogEvent> _byName;
    private readonly Dictionary<(string Provider, int EventId), CatalogEvent> _byId;

    /// <summary>Indexes the entries by name and by provider, aliases and event ID; on a clash the first entry wins.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    public EventCatalog(IEnumerable<CatalogEvent> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToList();
        _byName = new Dictionary<string, CatalogEvent>(StringComparer.OrdinalIgnoreCase);
        _byId = new Dictionary<(string, int), CatalogEvent>(new ProviderIdComparer());
        foreach (var entry in Entries)
        {
            _byName.TryAdd(entry.Name, entry);
            foreach (var provider in entry.Aliases.Prepend(entry.Provider))
            {
                _byId.TryAdd((provider, entry.EventId), entry);
            }
        }
    }

    /// <summary>An empty catalog: every record stays a generic Event fact.</summary>
    public static EventCatalog Empty { get; } = new([]);

    /// <summary>Every entry, in the order given.</summary>
    public IReadOnlyList<CatalogEvent> Entries { get; }

    /// <summary>The entry of that name (case-insensitive), or null.</summary>
    public CatalogEvent? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The entry for a provider or alias (case-insensitive) and an event ID, whose qualifier bits are masked off.</summary>
    public CatalogEvent? Find(string provider, long eventId) => _byId.GetValueOrDefault((provider, (int)(eventId & 0xFFFF)));

    /// <summary>The entry of that name.</summary>
    /// <exception cref="KeyNotFoundException">No entry has that name.</exception>
    public CatalogEvent this[string name] => Find(name) ?? throw new KeyNotFoundException($"no catalogued event is named '{name}'");

    private sealed class ProviderIdComparer : IEqualityComparer<(string Provider, int EventId)>
    {
        public bool Equals((string Provider, int EventId) x, (string Provider, int EventId) y) =>
            x.EventId == y.EventId && StringComparer.OrdinalIgnoreCase.Equals(x.Provider, y.Provider);

        public int GetHashCode((string Provider, int EventId) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Provider), key.EventId);
    }
}
