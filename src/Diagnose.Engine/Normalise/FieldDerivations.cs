using System.Globalization;
using System.Text.RegularExpressions;
using Diagnose.Knowledge.Events;
using Diagnose.Knowledge.Resources;

namespace Diagnose.Normalise;

/// <summary>The closed set of derivations a catalog field may name, and the resource map the first one reads.</summary>
internal sealed class FieldDerivations
{
    private const string ServicesKey = "\\Services\\";

    private static readonly Regex DottedNumber = new(@"(?<![0-9.])([0-9]{1,4})\.([0-9]{1,4})", RegexOptions.CultureInvariant);

    private readonly ResourceTable _table;
    private readonly Dictionary<string, string> _fromSnapshot = new(StringComparer.OrdinalIgnoreCase);

    public FieldDerivations(ResourceTable table) => _table = table;

    /// <summary>A snapshot says which service a resource runs; it overrides the resource tables.</summary>
    public void MapResource(string resource, string service) => _fromSnapshot[resource] = service;

    public string? Derive(CatalogField field, string? from) => from is null ? null : field.Derivation switch
    {
        FieldDerivation.ServiceOfResource => _fromSnapshot.GetValueOrDefault(from) ?? _table.ServiceOf(from),
        FieldDerivation.ServiceInRegistryKey => ServiceInKey(from),
        FieldDerivation.VersionMap => VersionKey(from) is { } key ? field.Map?.GetValueOrDefault(key) : null,
        FieldDerivation.Folder => from.LastIndexOf('\\') is > 0 and var at ? from[..at] : null,
        FieldDerivation.ServiceOfDisplayName => _table.ServiceWithDisplayName(from),
        _ => null,
    };

    /// <summary>
    /// The first <c>major.minor</c> in a version text, without leading zeros: <c>5.02.</c> → <c>5.2</c>; null when there is none.
    /// Windows writes its version as <c>5.0</c>, <c>5.00.</c> or <c>5.02.</c>, and a pasted message may have words before it.
    /// </summary>
    private static string? VersionKey(string text)
    {
        var match = DottedNumber.Match(text);
        return match.Success
            && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}")
            : null;
    }

    /// <summary>The service a registry key belongs to: the name after <c>\Services\</c>.</summary>
    private static string? ServiceInKey(string key)
    {
        var at = key.IndexOf(ServicesKey, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : key[(at + ServicesKey.Length)..].Split('\\')[0];
    }
}
