using System.Text.RegularExpressions;
using Diagnose.Core.Records;
using Diagnose.Rules.Facts;

namespace Diagnose.Normalise;

/// <summary>
/// Turns records into facts: every record into a generic <c>Event</c> fact, and the events the
/// articles name (ESENT 412/609, MSExchangeDS 1002, ClusSvc 1042/1024) into typed facts read from
/// their insertion strings. Provider names match case-insensitively; event IDs are already masked.
/// </summary>
public sealed partial class EventNormaliser
{
    private readonly FactSchemaSet _schemas;
    private readonly Dictionary<string, string> _resourceServices = new(KnownResources.Services, StringComparer.OrdinalIgnoreCase);

    public EventNormaliser(FactSchemaSet schemas) => _schemas = schemas;

    /// <summary>Tells the normaliser which service a resource runs (from a cluster snapshot).</summary>
    public void MapResource(string resource, string service) => _resourceServices[resource] = service;

    public Fact GenericFact(EventRecord record)
    {
        var node = NodeNames.Normalise(record.Computer);
        return Fact.Create(_schemas.Get("Event"), new Dictionary<string, object?>
        {
            ["provider"] = record.Provider,
            ["eventId"] = (long)record.EventId,
            ["qualifiers"] = (long)record.Qualifiers,
            ["level"] = (long)record.Level,
            ["node"] = node,
            ["time"] = record.TimeUtc,
            ["channel"] = record.Channel,
            ["data"] = record.Data.Count == 0 ? null : string.Join(" | ", record.Data.Select(d => d.Value)),
            ["message"] = record.Message,
        }, new EventOrigin(record, node));
    }

    /// <summary>True for the events the articles name, which become typed facts.</summary>
    public static bool IsArticleEvent(EventRecord record) =>
        (record.Provider.ToUpperInvariant(), record.EventId) is ("ESENT", 412) or ("ESENT", 609) or ("MSEXCHANGEDS", 1002) or ("CLUSSVC", 1042) or ("CLUSSVC", 1024);

    /// <summary>The typed fact for one of the events the articles name, or null for any other event.</summary>
    public Fact? TypedFact(EventRecord record)
    {
        var provider = record.Provider.ToUpperInvariant();
        (string? Type, Dictionary<string, object?>? Fields) typed = (provider, record.EventId) switch
        {
            ("ESENT", 412) => ("JetLogUnreadable", JetLogUnreadable(record)),
            ("ESENT", 609) => ("JetDatabaseUpgraded", JetDatabaseUpgraded(record)),
            ("MSEXCHANGEDS", 1002) => ("ExchangeDirectoryInitFailed", DirectoryInitFailed(record)),
            ("CLUSSVC", 1042) => ("ClusterResourceFailed", ResourceFailed(record)),
            ("CLUSSVC", 1024) => ("RegistryCheckpointNotRestored", CheckpointNotRestored(record)),
            _ => (null, null),
        };

        var (type, fields) = typed;
        if (type is null || fields is null)
        {
            return null;
        }

        var node = NodeNames.Normalise(record.Computer);
        fields["node"] = node;
        fields["time"] = record.TimeUtc;
        return Fact.Create(_schemas.Get(type), fields, new EventOrigin(record, node));
    }

    private static Dictionary<string, object?>? JetLogUnreadable(EventRecord record)
    {
        // Insertion strings: instance, process id, [instance display name,] error (the last negative number).
        var data = new InsertionData(record, EsentLogHeader());
        if (data.Empty)
        {
            return null;
        }

        return new()
        {
            ["instance"] = data.Text(0, "instance"),
            ["processId"] = InsertionData.Integer(data.Text(1, "pid")),
            ["error"] = InsertionData.Integer(data.Find(InsertionData.IsNegativeInteger, "error", from: 2, last: true)),
        };
    }

    private static Dictionary<string, object?>? JetDatabaseUpgraded(EventRecord record)
    {
        // Insertion strings: instance, process id, [display name,] database path, then version numbers.
        var data = new InsertionData(record, EsentIndexCleanup());
        if (data.Empty)
        {
            return null;
        }

        return new()
        {
            ["instance"] = data.Text(0, "instance"),
            ["processId"] = InsertionData.Integer(data.Text(1, "pid")),
            ["database"] = data.Find(v => v.Contains('\\', StringComparison.Ordinal) || v.Contains(':', StringComparison.Ordinal), "database", from: 2),
        };
    }

    private static Dictionary<string, object?>? DirectoryInitFailed(EventRecord record)
    {
        var data = new InsertionData(record, DirectoryInit());
        if (data.Empty)
        {
            return null;
        }

        return new()
        {
            ["error"] = InsertionData.Integer(data.Find(v => InsertionData.Integer(v) is not null, "error")),
            ["service"] = "MSExchangeDS",
        };
    }

    private Dictionary<string, object?>? ResourceFailed(EventRecord record)
    {
        var data = new InsertionData(record, GenericServiceFailed());
        var resource = data.Text(0, "resource");
        if (resource is null)
        {
            return null;
        }

        return new()
        {
            ["resource"] = resource,
            ["service"] = _resourceServices.GetValueOrDefault(resource),
        };
    }

    private static Dictionary<string, object?>? CheckpointNotRestored(EventRecord record)
    {
        var data = new InsertionData(record, CheckpointRestore());
        var resource = data.Text(0, "resource");
        var key = data.Text(1, "key")?.TrimEnd('.');
        if (resource is null && key is null)
        {
            return null;
        }

        return new()
        {
            ["resource"] = resource,
            ["registryKey"] = key,
            ["service"] = ServiceOfKey(key),
        };
    }

    /// <summary>The service a registry key belongs to: the name after <c>\Services\</c>.</summary>
    internal static string? ServiceOfKey(string? key)
    {
        if (key is null)
        {
            return null;
        }

        const string marker = "\\Services\\";
        var at = key.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : key[(at + marker.Length)..].Split('\\')[0];
    }

    // English message templates, used only when an export has no insertion strings.
    [GeneratedRegex(@"^\s*(?<instance>\S+)\s+\((?<pid>\d+)\)\s.*?(?<error>-\d+)\D*$", RegexOptions.Singleline)]
    private static partial Regex EsentLogHeader();

    [GeneratedRegex(@"^\s*(?<instance>\S+)\s+\((?<pid>\d+)\)\s.*?database\s+['""]?(?<database>[^'""]*?)['""]?\s+as a result", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex EsentIndexCleanup();

    [GeneratedRegex(@"returned error\s+(?<error>-?\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex DirectoryInit();

    [GeneratedRegex(@"generic service\s+'(?<resource>[^']+)'\s+failed", RegexOptions.IgnoreCase)]
    private static partial Regex GenericServiceFailed();

    [GeneratedRegex(@"cluster resource\s+'?(?<resource>.+?)'?\s+could not be restored to registry key\s+(?<key>\S+?)\.?\s+The resource", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CheckpointRestore();
}
