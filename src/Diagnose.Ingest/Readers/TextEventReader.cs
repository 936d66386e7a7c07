using System.Globalization;
using System.Text.RegularExpressions;
using Diagnose.Core.Records;
using Diagnose.Ingest.Decoding;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// Reads events pasted into a ticket or quoted in an article: "Event ID: 412", "Source: esent",
/// "Type: Error", "Description: ..." blocks, the Windows 2000 "Event Type:/Event Source:" copy and the
/// Vista "Log Name:/Source:/Date:" copy, under optional "System Log / ======" headers. Line by line; a
/// line's leading white space and '&gt;' quote markers are ignored.
/// </summary>
internal sealed partial class TextEventReader : IEventReader
{
    public string Format => "text";

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context)
    {
        using var text = new CheckedTextReader(stream, context);
        var parser = new TextEventParser(context);
        var lineNumber = 0;
        string? pending = text.ReadLine();
        while (pending is not null)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var line = pending;
            lineNumber++;
            pending = text.ReadLine();

            // "System Log" over a line of '=' or '-' names the log of the events below it.
            var clean = Clean(line);
            var header = LogHeader().Match(clean);
            if (header.Success && pending is not null && Underline().IsMatch(Clean(pending)))
            {
                var finished = parser.Finish();
                parser.Channel = header.Groups["name"].Value.Trim();
                pending = text.ReadLine();
                lineNumber++;
                if (finished is not null)
                {
                    yield return finished;
                }

                continue;
            }

            var record = parser.Line(clean, lineNumber);
            if (record is not null)
            {
                yield return record;
            }
        }

        var last = parser.Finish();
        if (last is not null)
        {
            yield return last;
        }

        if (parser.Events == 0)
        {
            context.Problem("the text holds no 'Event ID' line");
        }
    }

    /// <summary>Drops leading white space and e-mail quote markers ("> > Event ID: 1").</summary>
    internal static string Clean(string line)
    {
        var s = line.AsSpan().TrimStart();
        while (!s.IsEmpty && s[0] == '>')
        {
            s = s[1..].TrimStart();
        }

        return s.TrimEnd().ToString();
    }

    internal static int? ParseCategory(string value)
    {
        var m = Category().Match(value);
        return m.Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][\w\- ]{0,60}?)\s+Log$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LogHeader();

    [GeneratedRegex(@"^(={3,}|-{3,})$")]
    private static partial Regex Underline();

    [GeneratedRegex(@"^\(?\s*(?<n>\d+)\s*\)?$")]
    private static partial Regex Category();
}
