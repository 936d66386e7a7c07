using System.Globalization;
using Diagnose.Core.Records;
using Diagnose.Ingest.Decoding;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// Reads Event Viewer "Save as CSV" files, both the Vista-and-later layout (Level, Date and Time, Source,
/// Event ID, Task Category, message) and the legacy NT/2000/2003 one (Date, Time, Source, Type, Category,
/// Event, User, Computer, Description), row by row. CSV carries no insertion strings and no record numbers.
/// </summary>
internal sealed class CsvEventReader : IEventReader
{
    public string Format => "csv";

    /// <summary>True when the line is a header naming Event Viewer CSV columns.</summary>
    public static bool IsHeader(ReadOnlySpan<char> line) => CsvLayout.FromHeader(CsvLayout.SplitLine(line)) is not null;

    /// <summary>True when the line looks like a headerless legacy row: date, time, source, type, category, numeric event.</summary>
    public static bool LooksLikeLegacyRow(ReadOnlySpan<char> line)
    {
        var f = CsvLayout.SplitLine(line);
        return f.Count >= 8
               && EventTimes.TryParseLocal($"{f[0]} {f[1]}", out _)
               && f[2].Trim().Length > 0
               && int.TryParse(f[5].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context)
    {
        using var text = new CheckedTextReader(stream, context);
        var rows = new CsvRowReader(text);
        CsvLayout? layout = null;
        var zoneNoted = false;
        string? fileNode = null;
        var resyncing = false;
        while (true)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var row = rows.ReadRow();
            if (row is null)
            {
                break;
            }

            if (layout is null)
            {
                layout = row.Error is null ? CsvLayout.FromHeader(row.Fields) : null;
                if (layout is not null)
                {
                    if (layout.Computer < 0)
                    {
                        fileNode = NodeFromFileName(context.Source);
                        context.Problem(fileNode is null
                            ? "this CSV export has no Computer column and its file name names no node: name it <NODE>_<Log>.csv so events can be tied to a node"
                            : $"this CSV export has no Computer column: its events are taken to come from node '{fileNode}', from the file name (<NODE>_<Log>.csv)");
                    }

                    continue;
                }

                layout = CsvLayout.LegacyHeaderless;
                if (row.Error is null && !LooksLikeLegacyRow(string.Join(',', row.Fields)))
                {
                    context.Problem("the first line is not an Event Viewer CSV header; columns are read in the legacy order " +
                                    "Date, Time, Source, Type, Category, Event, User, Computer, Description", line: row.Line);
                }
            }

            // After a quote left open to the end, the lines that follow are read again; until one of them
            // is a good row they are the broken message's own lines, not rows of their own.
            var record = ToRecord(row, layout, context, ref zoneNoted, quiet: resyncing && row.ErrorLine is null, fileNode);
            resyncing = row.ErrorLine is not null || (resyncing && record is null);
            if (record is not null)
            {
                yield return record;
            }
        }
    }

    /// <summary>The node a modern CSV export stands for, from a file named &lt;NODE&gt;_&lt;Log&gt;.csv.</summary>
    internal static string? NodeFromFileName(string source)
    {
        var name = Path.GetFileNameWithoutExtension(source);
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 ? name[..underscore] : null;
    }

    private static EventRecord? ToRecord(CsvRow row, CsvLayout layout, ReadContext context, ref bool zoneNoted, bool quiet, string? fileNode)
    {
        if (quiet && (row.Error is not null || row.Fields.Count != layout.FieldCount || !EventIdentifiers.TryParse(row.Fields[layout.EventId], out _)))
        {
            return null;
        }

        if (row.Error is not null)
        {
            context.Skip($"row skipped: {row.Error}", line: row.ErrorLine ?? row.Line, column: row.ErrorColumn);
            return null;
        }

        if (row.Fields.Count != layout.FieldCount)
        {
            context.Skip($"row skipped: expected {layout.FieldCount} fields, found {row.Fields.Count}", line: row.Line);
            return null;
        }

        var idText = row.Fields[layout.EventId].Trim();
        if (!EventIdentifiers.TryParse(idText, out var rawId))
        {
            var (l, c) = row.Positions[layout.EventId];
            context.Skip($"row skipped: Event ID '{idText}' is not a number", line: l, column: c);
            return null;
        }

        var source = row.Fields[layout.Source].Trim();
        if (source.Length == 0)
        {
            var (l, c) = row.Positions[layout.Source];
            context.Skip("row skipped: the Source field is empty", line: l, column: c);
            return null;
        }

        var timeText = layout.Time >= 0 ? $"{row.Fields[layout.Date]} {row.Fields[layout.Time]}" : row.Fields[layout.Date];
        DateTime? time = null;
        if (EventTimes.TryParseLocal(timeText, out var parsed))
        {
            time = parsed;
            if (!zoneNoted)
            {
                zoneNoted = true;
                context.Problem("CSV times carry no time zone: Event Viewer wrote them in the exporting machine's local time; " +
                                "they are taken as UTC unless --utc-offset gives that machine's offset");
            }
        }
        else
        {
            var (l, c) = row.Positions[layout.Date];
            context.Problem($"date '{timeText.Trim()}' is not a known date format; the record has no time", line: l, column: c);
        }

        var (id, qualifiers) = EventIdentifiers.Split(rawId);
        var user = Field(row, layout.User);
        var message = Field(row, layout.Message);
        return new EventRecord
        {
            Provider = source,
            EventId = id,
            Qualifiers = qualifiers,
            Level = EventLevels.FromWord(row.Fields[layout.Level]),
            Task = ParseCategory(Field(row, layout.Category)),
            TimeUtc = time,
            Computer = Field(row, layout.Computer) ?? fileNode,
            UserSid = user is not null && user.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) ? user : null,
            Message = message,
            Origin = new RecordOrigin(context.Source, Line: row.Line),
        };
    }

    private static string? Field(CsvRow row, int index)
    {
        if (index < 0 || index >= row.Fields.Count)
        {
            return null;
        }

        var value = row.Fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A category shown as "(3)" or "3" is the task number; a name or "None" is not.</summary>
    internal static int? ParseCategory(string? text)
    {
        var t = text?.Trim().Trim('(', ')').Trim();
        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
