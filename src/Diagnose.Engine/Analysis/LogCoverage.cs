using Diagnose.Core.Records;
using Diagnose.Normalise;

namespace Diagnose.Analysis;

/// <summary>
/// Which logs the inputs held: the nodes seen, each node's channels, and the nodes with records of no known channel
/// (a legacy CSV or a paste without a log header), for which a missing log cannot be claimed.
/// </summary>
internal sealed class LogCoverage
{
    private readonly Dictionary<string, HashSet<string>> _channels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknownChannel = new(StringComparer.Ordinal);

    public void Add(EventRecord record)
    {
        var node = NodeNames.Normalise(record.Computer);
        if (node is null)
        {
            return;
        }

        if (!_channels.TryGetValue(node, out var channels))
        {
            _channels[node] = channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        if (string.IsNullOrEmpty(record.Channel))
        {
            _unknownChannel.Add(node);
        }
        else
        {
            channels.Add(record.Channel);
        }
    }

    public IEnumerable<string> Nodes => _channels.Keys;

    /// <summary>True when no record of <paramref name="node"/> came from <paramref name="log"/> and every record of that node had a known channel.</summary>
    public bool Lacks(string node, string log) =>
        !_unknownChannel.Contains(node) && (!_channels.TryGetValue(node, out var channels) || !channels.Contains(log));
}
