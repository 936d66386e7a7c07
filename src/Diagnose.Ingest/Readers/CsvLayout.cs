namespace Diagnose.Ingest.Readers;

/// <summary>Which CSV column holds what: from a header's names, or the fixed legacy Event Viewer order.</summary>
internal sealed class CsvLayout
{
    public bool Legacy { get; private init; }

    public int Level { get; private init; } = -1;

    public int Date { get; private init; } = -1;

    /// <summary>Legacy files keep the time in its own column; -1 when the date column holds both.</summary>
    public int Time { get; private init; } = -1;

    public int Source { get; private init; } = -1;

    public int EventId { get; private init; } = -1;

    public int Category { get; private init; } = -1;

    public int User { get; private init; } = -1;

    public int Computer { get; private init; } = -1;

    public int Message { get; private init; } = -1;

    /// <summary>How many fields every data row must have.</summary>
    public int FieldCount { get; private init; }

    /// <summary>The Windows NT/2000/2003 order: Date, Time, Source, Type, Category, Event, User, Computer, Description.</summary>
    public static CsvLayout LegacyHeaderless { get; } = new()
    {
        Legacy = true, Date = 0, Time = 1, Source = 2, Level = 3, Category = 4, EventId = 5, User = 6, Computer = 7, Message = 8, FieldCount = 9,
    };

    /// <summary>The layout a header line names, or null when the line is not an Event Viewer CSV header.</summary>
    public static CsvLayout? FromHeader(IReadOnlyList<string> fields)
    {
        var names = fields.Select(f => f.Trim().Trim('"').Trim().ToLowerInvariant()).ToList();
        int Find(params string[] wanted) => names.FindIndex(n => wanted.Contains(n));

        var source = Find("source");
        if (source < 0)
        {
            return null;
        }

        var dateTime = Find("date and time");
        var level = Find("level");
        var eventId = Find("event id");
        if (dateTime >= 0 && level >= 0 && eventId >= 0)
        {
            var category = Find("task category", "category");
            var named = Find("message", "description", "general");
            var message = named >= 0 ? named : new[] { level, dateTime, source, eventId, category }.Max() + 1;
            return new CsvLayout
            {
                Level = level, Date = dateTime, Source = source, EventId = eventId, Category = category, Message = message,
                FieldCount = Math.Max(names.Count, message + 1),
            };
        }

        var date = Find("date");
        var time = Find("time");
        var type = Find("type");
        var legacyEvent = Find("event", "event id");
        if (date >= 0 && time >= 0 && type >= 0 && legacyEvent >= 0)
        {
            var description = Find("description", "message");
            return new CsvLayout
            {
                Legacy = true, Date = date, Time = time, Source = source, Level = type, EventId = legacyEvent,
                Category = Find("category"), User = Find("user"), Computer = Find("computer"),
                Message = description >= 0 ? description : names.Count,
                FieldCount = Math.Max(names.Count, description >= 0 ? description + 1 : names.Count + 1),
            };
        }

        return null;
    }

    /// <summary>Splits one physical line on commas outside quotes, for detection on a file's first line.</summary>
    public static List<string> SplitLine(ReadOnlySpan<char> line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
