namespace Diagnose.Knowledge.Resources;

/// <summary>
/// Which Windows service a generic-service cluster resource runs, by resource name (case-insensitive),
/// from the <c>*.resources.json</c> files of the rule folders. A snapshot's resources take precedence.
/// </summary>
public sealed class ResourceTable
{
    private readonly Dictionary<string, string> _services;
    private readonly Dictionary<string, string> _byDisplayName;

    /// <summary>Builds the table from the rule folders' resource tables.</summary>
    /// <param name="services">Resource name → service name.</param>
    /// <param name="serviceDisplayNames">Service display name → service name, or null for none.</param>
    /// <exception cref="ArgumentException">A resource or display name appears twice (case-insensitive).</exception>
    public ResourceTable(IEnumerable<KeyValuePair<string, string>> services, IEnumerable<KeyValuePair<string, string>>? serviceDisplayNames = null)
    {
        _services = new Dictionary<string, string>(services, StringComparer.OrdinalIgnoreCase);
        _byDisplayName = new Dictionary<string, string>(serviceDisplayNames ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A table that knows no resource: only a snapshot's resources give services.</summary>
    public static ResourceTable Empty { get; } = new([]);

    /// <summary>Resource name → service name.</summary>
    public IReadOnlyDictionary<string, string> Services => _services;

    /// <summary>The service a resource runs (resource name case-insensitive), or null when no table names the resource.</summary>
    public string? ServiceOf(string resource) => _services.GetValueOrDefault(resource);

    /// <summary>The service whose display name (as the Service Control Manager's events give it) this is, when a table says so.</summary>
    public string? ServiceWithDisplayName(string displayName) => _byDisplayName.GetValueOrDefault(displayName);
}
