using System.CommandLine;
using System.Globalization;
using Diagnose.Cli.Events;
using Diagnose.Cli.Paths;
using Diagnose.Core.Records;
using Diagnose.Core.Time;
using Diagnose.Ingest;
using Diagnose.Ingest.Evtx.Writing;

namespace Diagnose.Cli.Commands;

/// <summary>
/// <c>diagnose events &lt;file…&gt; [--format tsv|xml|json] [--recover]</c>: every record in file order.
/// TSV columns are record number, event id, provider, UTC time (full precision), channel and computer; xml is
/// one <c>&lt;Events&gt;</c> document with one event per line; json is one object per line (JSON lines).
/// Problems and the per-input counts go to stderr.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("inputs") { Description = "Log files or folders.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "tsv (the oracle columns), xml (event XML, one per line in an <Events> document) or json (JSON lines, every field).", DefaultValueFactory = _ => "tsv" };
        format.AcceptOnlyFromAmong("tsv", "xml", "json");
        var recover = new Option<bool>("--recover") { Description = "Also carve records from damaged chunks, chunk slack and unused log space (marked recovered)." };
        var output = new Option<string?>("--out") { Description = "Write the records to this file instead of standard output (problems and counts still go to stderr)." };
        var command = new Command("events", "Print every record of the inputs, one per line.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(recover);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var outFile = parse.GetValue(output);
            if (outFile is not null && !PathCheck.All(stderr, "events", CommandLinePaths.OutputFile("--out", outFile)))
            {
                return ExitCodes.Usage;
            }

            using var file = outFile is null ? null : new StreamWriter(outFile, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
            return Print(parse, file ?? stdout, stderr);
        });
        return command;

        int Print(ParseResult parse, TextWriter stdout, TextWriter stderr)
        {
            var kind = parse.GetValue(format) ?? "tsv";
            var session = new IngestSession { Recover = parse.GetValue(recover) };
            var capture = new EvtxXmlCapture();
            var ingester = new LogIngester(kind == "xml" ? [capture] : null);
            var json = new RecordJson();
            if (kind == "xml")
            {
                stdout.WriteLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
                stdout.WriteLine("<Events>");
            }

            foreach (var record in ingester.Read(parse.GetValue(paths) ?? [], session))
            {
                stdout.WriteLine(kind switch
                {
                    "xml" => OneLine(capture.XmlOf(record) ?? EventXmlWriter.Render(record)),
                    "json" => json.Render(record),
                    _ => Tsv(record),
                });
            }

            if (kind == "xml")
            {
                stdout.WriteLine("</Events>");
            }

            stdout.Flush();
            foreach (var input in session.Inputs)
            {
                foreach (var problem in input.Problems)
                {
                    stderr.WriteLine($"{input.Path}: {problem}");
                }
            }

            // read + recovered + unreadable = every record found in the input.
            foreach (var input in session.Inputs)
            {
                stderr.WriteLine(Counts(input.Path + " (" + input.Format + ")", input.Records - input.Recovered, input.Recovered, input.Skipped));
            }

            if (session.Inputs.Count > 1)
            {
                stderr.WriteLine(Counts(
                    "total",
                    session.Inputs.Sum(i => i.Records - i.Recovered),
                    session.Inputs.Sum(i => i.Recovered),
                    session.Inputs.Sum(i => i.Skipped)));
            }

            return session.Inputs.Any(i => i.Unreadable) ? ExitCodes.UnreadableInput : ExitCodes.Ok;
        }
    }

    internal static string Counts(string what, long read, long recovered, long unreadable) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what}: {read + recovered + unreadable} records = {read} read + {recovered} recovered + {unreadable} unreadable");

    internal static string Tsv(EventRecord record) => string.Join('\t',
        record.RecordNumber?.ToString(CultureInfo.InvariantCulture) ?? "",
        record.EventId.ToString(CultureInfo.InvariantCulture),
        record.Provider,
        (record.TimeUtc is { } time ? IsoTime.Format(time, IsoPrecision.Ticks) : ""),
        record.Channel ?? "",
        record.Computer ?? "");

    /// <summary>
    /// Keeps one event per line and the document well-formed: line breaks inside values become character
    /// references, characters XML 1.0 cannot carry (control bytes in damaged logs) become U+FFFD.
    /// </summary>
    private static string OneLine(string xml)
    {
        xml = EventXmlWriter.Clean(xml);
        return xml.Contains('\n', StringComparison.Ordinal) || xml.Contains('\r', StringComparison.Ordinal)
            ? xml.Replace("\r", "&#13;", StringComparison.Ordinal).Replace("\n", "&#10;", StringComparison.Ordinal)
            : xml;
    }
}
