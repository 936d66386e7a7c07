namespace Diagnose.Knowledge.Resources;

/// <summary>
/// Which Windows service a generic-service cluster resource runs, by resource name (case-insensitive),
/// from the <c>*.resources.json</c> files of the rule folders. A snapshot's resources take precedence.
/// </summary>
public sealed class ResourceTable
{
    private readonly Dictionary<string, string> _services;
    private readonly Dictionary<string, string> _byDisplayName;

    public ResourceTable(IEnumerable<KeyValuePair<string, string>> services, IEnumerable<KeyValuePair<string, string>>? serviceDisplayNames = null)
    {
        _services = new Dictionary<string, string>(services, StringComparer.OrdinalIgnoreCase);
        _byDisplayName = new Dictionary<string, string>(serviceDisplayNames ?? [], StringComparer.OrdinalIgnoreCase);
    }

    public static ResourceTable Empty { get; } = new([]);

    /// <summary>Resource name → service name.</summary>
    public IReadOnlyDictionary<string, string> Services => _services;

    public string? ServiceOf(string resource) => _services.GetValueOrDefault(resource);

    /// <summary>The service whose display name (as the Service Control Manager's events give it) this is, when a table says so.</summary>
    public string? ServiceWithDisplayName(string displayName) => _byDisplayName.GetValueOrDefault(displayName);
}
