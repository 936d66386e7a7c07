using System.Text.RegularExpressions;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// The block state of <see cref="TextEventReader"/>: gathers "Key: value" lines into one event until a
/// repeated key, a blank line or the end of the description closes it.
/// </summary>
internal sealed partial class TextEventParser
{
    private readonly ReadContext _context;
    private readonly Dictionary<string, (string Value, int Line)> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _description = [];
    private Mode _mode = Mode.Idle;
    private long? _rawId;
    private int _idLine;
    private bool _blankSkipped;
    private bool _zoneNoted;

    public TextEventParser(ReadContext context) => _context = context;

    private enum Mode
    {
        Idle,
        Fields,
        Description,
    }

    /// <summary>The log named by the last "System Log" header, for events that name none themselves.</summary>
    public string? Channel { get; set; }

    /// <summary>How many "Event ID" blocks were met, read or skipped.</summary>
    public int Events { get; private set; }

    /// <summary>Takes one cleaned line; returns an event when this line closed one.</summary>
    public EventRecord? Line(string line, int number)
    {
        var id = EventIdLine().Match(line);
        if (id.Success)
        {
            EventRecord? finished = null;
            if (_mode == Mode.Description || _rawId is not null)
            {
                finished = Finish();
            }

            _mode = Mode.Fields;
            _idLine = number;
            _rawId = EventIdentifiers.TryParse(id.Groups["id"].Value, out var raw) ? raw : -1;
            return finished;
        }

        var key = KeyLine().Match(line);
        if (_mode == Mode.Description)
        {
            if (line.Length == 0)
            {
                if (_description.Count == 0 && !_blankSkipped)
                {
                    _blankSkipped = true;
                    return null;
                }

                return Finish();
            }

            if (key.Success && key.Groups["key"].Value.StartsWith("event", StringComparison.OrdinalIgnoreCase)
                || (key.Success && Canonical(key.Groups["key"].Value) == "log" && key.Groups["key"].Value.Contains(' ')))
            {
                // "Event Type:" or "Log Name:" starts the next copied event even without a blank line.
                var finished = Finish();
                Apply(key, number);
                return finished;
            }

            _description.Add(line);
            return null;
        }

        if (line.Length == 0)
        {
            if (_mode == Mode.Fields && _rawId is not null)
            {
                return Finish();
            }

            // Key lines with no Event ID before a blank (an e-mail's "Date:" header) were no event.
            Reset();
            return null;
        }

        if (!key.Success)
        {
            return null;
        }

        EventRecord? closed = null;
        if (_fields.ContainsKey(Canonical(key.Groups["key"].Value)))
        {
            closed = Finish();
        }

        Apply(key, number);
        return closed;
    }

    /// <summary>Closes the open block: an event if it had an Event ID, nothing otherwise.</summary>
    public EventRecord? Finish()
    {
        try
        {
            return _rawId is null ? null : Build();
        }
        finally
        {
            Reset();
        }
    }

    private EventRecord? Build()
    {
        Events++;
        if (_rawId < 0)
        {
            _context.Skip("event skipped: its Event ID is not a number", line: _idLine);
            return null;
        }

        if (!_fields.TryGetValue("source", out var source) || source.Value.Length == 0)
        {
            _context.Skip("event skipped: it has no Source line", line: _idLine);
            return null;
        }

        DateTime? time = null;
        if (_fields.TryGetValue("date", out var date))
        {
            var text = _fields.TryGetValue("time", out var t) ? $"{date.Value} {t.Value}" : date.Value;
            if (EventTimes.TryParseLocal(text, out var utc))
            {
                time = utc;
                if (!_zoneNoted)
                {
                    _zoneNoted = true;
                    _context.Problem("pasted times carry no time zone: they are taken as UTC unless --utc-offset gives the machine's offset");
                }
            }
            else
            {
                _context.Problem($"date '{text}' is not a known date format; the event has no time", line: date.Line);
            }
        }

        var (id, qualifiers) = EventIdentifiers.Split(_rawId!.Value);
        var user = Value("user");
        var message = string.Join('\n', _description).Trim();
        return new EventRecord
        {
            Provider = source.Value,
            EventId = id,
            Qualifiers = qualifiers,
            Level = EventLevels.FromWord(Value("type")),
            Task = Value("category") is { } category ? TextEventReader.ParseCategory(category) : null,
            TimeUtc = time,
            Channel = Value("log") ?? Channel,
            Computer = Value("computer"),
            UserSid = user is not null && user.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) ? user : null,
            Message = message.Length == 0 ? null : message,
            Origin = new RecordOrigin(_context.Source, Line: _idLine),
        };
    }

    private void Apply(Match key, int number)
    {
        var name = Canonical(key.Groups["key"].Value);
        var value = key.Groups["value"].Value.Trim();
        _mode = Mode.Fields;
        if (name == "description")
        {
            _mode = Mode.Description;
            if (value.Length > 0)
            {
                _description.Add(value);
            }
        }

        _fields[name] = (value, number);
    }

    private string? Value(string name) =>
        _fields.TryGetValue(name, out var v) && v.Value.Length > 0 ? v.Value : null;

    private void Reset()
    {
        _fields.Clear();
        _description.Clear();
        _rawId = null;
        _blankSkipped = false;
        _mode = Mode.Idle;
    }

    private static string Canonical(string key) =>
        string.Join(' ', key.ToLowerInvariant().Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries)) switch
        {
            "event type" or "type" or "level" => "type",
            "event source" or "source" => "source",
            "event category" or "task category" or "category" => "category",
            "log name" or "log" or "channel" => "log",
            "description" or "message" => "description",
            var other => other,
        };

    // "Event ID: x609" (one token after the colon that is no number) is an event too, skipped and counted; prose
    // after "Event ID:" (more than one token) is not.
    [GeneratedRegex(@"^event\s*id\b\s*(?::?\s*(?<id>0x[0-9a-f]+|\d+)|:\s*(?<id>\S+)\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventIdLine();

    // Keys need a colon, except "Category (2050)" which KB articles write without one.
    [GeneratedRegex(@"^(?<key>event\s+type|event\s+source|event\s+category|task\s+category|log\s+name|type|source|category|computer|date|time|log|channel|level|user|description|message)\s*(?::(?<value>.*)|(?<value>\(.*))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyLine();
}
