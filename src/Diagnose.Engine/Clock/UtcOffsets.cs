using System.Globalization;
using Diagnose.Normalise;

namespace Diagnose.Clock;

/// <summary>
/// The UTC offsets of zone-less inputs (CSV, pasted text), as <c>--utc-offset</c> gives them: <c>+02:00</c> for
/// every node, or <c>NODEA=+01:00</c> for one node (repeatable; a node's own offset wins over the global one).
/// Offsets run from −12:00 to +14:00, as time zones do.
/// </summary>
public sealed class UtcOffsets
{
    private static readonly TimeSpan Lowest = TimeSpan.FromHours(-12);
    private static readonly TimeSpan Highest = TimeSpan.FromHours(14);

    private readonly Dictionary<string, TimeSpan> _perNode;

    private UtcOffsets(TimeSpan? global, Dictionary<string, TimeSpan> perNode) => (Global, _perNode) = (global, perNode);

    /// <summary>No offset given: zone-less times are taken as UTC.</summary>
    public static UtcOffsets None { get; } = new(null, new Dictionary<string, TimeSpan>(StringComparer.Ordinal));

    /// <summary>The offset for every node not named on its own, or null.</summary>
    public TimeSpan? Global { get; }

    /// <summary>The offsets given for single nodes (node names normalised: upper case, no domain).</summary>
    public IReadOnlyDictionary<string, TimeSpan> PerNode => _perNode;

    /// <summary>The offset given for a node (its own, else the global one), or null.</summary>
    public TimeSpan? For(string? node) => node is not null && _perNode.TryGetValue(node, out var own) ? own : Global;

    /// <summary>Parses <c>--utc-offset</c> values.</summary>
    /// <exception cref="ArgumentException">A value that is not <c>±hh:mm</c> or <c>NODE=±hh:mm</c>, out of range, or given twice; the message names it.</exception>
    public static UtcOffsets Parse(IEnumerable<string> values) => Parse(values, "--utc-offset");

    /// <summary>Parses offsets; <paramref name="label"/> names them in messages (the REST service's <c>utcOffset</c>).</summary>
    /// <exception cref="ArgumentException">As <see cref="Parse(IEnumerable{string})"/>.</exception>
    public static UtcOffsets Parse(IEnumerable<string> values, string label)
    {
        ArgumentNullException.ThrowIfNull(values);
        TimeSpan? global = null;
        var perNode = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var text = (value ?? "").Trim();
            var equals = text.IndexOf('=');
            var node = equals >= 0 ? NodeNames.Normalise(text[..equals].Trim()) : null;
            if (equals >= 0 && string.IsNullOrEmpty(node))
            {
                throw new ArgumentException($"{label} '{value}': the node name before '=' is empty (expected NODE=±hh:mm, for example NODEA=+01:00)");
            }

            var offset = Offset(equals >= 0 ? text[(equals + 1)..].Trim() : text, $"{label} '{value}'");
            if (node is null)
            {
                if (global is not null)
                {
                    throw new ArgumentException($"{label} '{value}': a global offset was already given ({Format(global.Value)}); give one global offset, and NODE=±hh:mm for nodes that differ");
                }

                global = offset;
            }
            else if (!perNode.TryAdd(node, offset))
            {
                throw new ArgumentException($"{label} '{value}': node {node} was already given an offset ({Format(perNode[node])})");
            }
        }

        return new UtcOffsets(global, perNode);
    }

    /// <summary><c>+02:00</c>, <c>-05:30</c>, <c>+00:00</c>.</summary>
    public static string Format(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static TimeSpan Offset(string text, string named)
    {
        const string Expected = "expected ±hh:mm (for example +02:00 or -05:30) or NODE=±hh:mm";
        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            throw new ArgumentException($"{named}: '{text}' is not an offset; {Expected}");
        }

        if (minutes > 59)
        {
            throw new ArgumentException($"{named}: minutes must be 00 to 59, not {minutes:00}");
        }

        var offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        if (offset < Lowest || offset > Highest)
        {
            throw new ArgumentException($"{named}: {text} is outside the time zones' range -12:00 to +14:00");
        }

        return offset;
    }
}
