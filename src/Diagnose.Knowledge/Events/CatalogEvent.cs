using System.Text.RegularExpressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Knowledge.Events;

/// <summary>
/// One Windows event the knowledge uses: who writes it (provider and aliases, event ID, level, log,
/// qualifiers), its English message, and, when it matters to the rules, the fact it becomes with each
/// field's insertion string. <see cref="Source"/> names the article sentence or document its shape rests on.
/// </summary>
public sealed class CatalogEvent
{
    private readonly Lazy<Regex?> _reader;

    internal CatalogEvent(string name, string provider, IReadOnlyList<string> aliases, int eventId, int level, string channel, int qualifiers,
        MessageTemplate message, string? factType, bool mustBeExplained, IReadOnlyList<CatalogField> fields, string source, string file)
    {
        Name = name;
        Provider = provider;
        Aliases = aliases;
        EventId = eventId;
        Level = level;
        Channel = channel;
        Qualifiers = qualifiers;
        Message = message;
        FactType = factType;
        MustBeExplained = mustBeExplained;
        Fields = fields;
        Source = source;
        File = file;
        _reader = new Lazy<Regex?>(BuildReader);
    }

    /// <summary>Stable name, such as <c>esent.log-unreadable</c>.</summary>
    public string Name { get; }

    /// <summary>The provider (source) name that logs the event, matched case-insensitively.</summary>
    public string Provider { get; }

    /// <summary>Other provider names the same event is logged under; matched like <see cref="Provider"/>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The event ID without qualifier bits.</summary>
    public int EventId { get; }

    /// <summary>Windows level: 1 critical, 2 error, 3 warning, 4 information, 5 verbose.</summary>
    public int Level { get; }

    /// <summary>The log it is written to (System, Application).</summary>
    public string Channel { get; }

    /// <summary>The qualifiers legacy sources carry (0xC000 error, 0x8000 warning, 0x4000 information).</summary>
    public int Qualifiers { get; }

    /// <summary>The English message as Event Viewer renders it, with placeholders for the insertion strings.</summary>
    public MessageTemplate Message { get; }

    /// <summary>The fact type the event becomes, or null for an event catalogued only to be written.</summary>
    public string? FactType { get; }

    /// <summary>True for events the articles name: reported as unexplained when no diagnosis uses them and no rule marks them benign.</summary>
    public bool MustBeExplained { get; }

    /// <summary>The fields of the fact the event becomes and where each value comes from; empty when it becomes no fact.</summary>
    public IReadOnlyList<CatalogField> Fields { get; }

    /// <summary>The article sentence or public document the event's shape rests on.</summary>
    public string Source { get; }

    /// <summary>Set when every node concerned logs this event at (nearly) the same moment: the event then measures clock offsets between nodes.</summary>
    public ClockMarker? Clock { get; init; }

    /// <summary>The catalog file that declares the event.</summary>
    public string File { get; }

    /// <summary>The English message for these insertion strings.</summary>
    /// <exception cref="ArgumentException">Fewer insertion strings than the message's placeholders.</exception>
    public string RenderMessage(IReadOnlyList<string> insertionStrings) => Message.Render(insertionStrings);

    /// <summary>
    /// Reads the insertion strings the fact's fields need back out of an English message (CSV and pasted
    /// text have no insertion strings): a list indexed by placeholder, null where a placeholder was not
    /// read; null when the message does not match this event's template or the event becomes no fact.
    /// </summary>
    public IReadOnlyList<string?>? ParseMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_reader.Value is not { } reader || reader.Match(MessageTemplate.Collapse(message)) is not { Success: true } match)
        {
            return null;
        }

        var values = new string?[Message.PlaceholderCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = match.Groups[$"p{i}"] is { Success: true } group ? group.Value : null;
        }

        return values;
    }

    /// <summary>The name, provider and event ID, for messages and debugging.</summary>
    public override string ToString() => $"{Name} ({Provider} {EventId})";

    private Regex? BuildReader()
    {
        // An event that becomes a fact without reading any insertion string still matches its message as a whole.
        var read = Fields.Where(f => f.Kind == FieldSourceKind.InsertionString).ToList();
        if (FactType is null)
        {
            return null;
        }

        var integers = read.Where(f => f.Type == FieldType.Integer).Select(f => f.Index).ToHashSet();
        return Message.ToRegex(integers, read.Count == 0 ? int.MaxValue : read.Max(f => f.Index));
    }
}
