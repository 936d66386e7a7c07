using Diagnose.Knowledge.Events;
using Diagnose.Knowledge.Resources;

namespace Diagnose.Normalise;

/// <summary>The closed set of derivations a catalog field may name, and the resource map the first one reads.</summary>
internal sealed class FieldDerivations
{
    private const string ServicesKey = "\\Services\\";

    private readonly ResourceTable _table;
    private readonly Dictionary<string, string> _fromSnapshot = new(StringComparer.OrdinalIgnoreCase);

    public FieldDerivations(ResourceTable table) => _table = table;

    /// <summary>A snapshot says which service a resource runs; it overrides the resource tables.</summary>
    public void MapResource(string resource, string service) => _fromSnapshot[resource] = service;

    public string? Derive(FieldDerivation derivation, string? from) => from is null ? null : derivation switch
    {
        FieldDerivation.ServiceOfResource => _fromSnapshot.GetValueOrDefault(from) ?? _table.ServiceOf(from),
        FieldDerivation.ServiceInRegistryKey => ServiceInKey(from),
        FieldDerivation.ServiceOfDisplayName => _table.ServiceWithDisplayName(from),
        _ => null,
    };

    /// <summary>The service a registry key belongs to: the name after <c>\Services\</c>.</summary>
    private static string? ServiceInKey(string key)
    {
        var at = key.IndexOf(ServicesKey, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : key[(at + ServicesKey.Length)..].Split('\\')[0];
    }
}
