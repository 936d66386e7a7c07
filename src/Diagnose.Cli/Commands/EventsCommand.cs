using System.CommandLine;
using System.Globalization;
using Diagnose.Core.Records;
using Diagnose.Ingest;

namespace Diagnose.Cli.Commands;

/// <summary>
/// <c>diagnose events &lt;file…&gt; --format tsv</c>: every record in file order. TSV columns are record
/// number, event id, provider, UTC time (full precision), channel and computer.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("inputs") { Description = "Log files or folders.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "tsv (json and xml: issue 6).", DefaultValueFactory = _ => "tsv" };
        format.AcceptOnlyFromAmong("tsv");
        var command = new Command("events", "Print every record of the inputs, one per line.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var session = new IngestSession();
            foreach (var record in new LogIngester().Read(parse.GetValue(paths) ?? [], session))
            {
                stdout.WriteLine(Tsv(record));
            }

            var unreadable = session.Inputs.Where(i => i.Unreadable).ToList();
            foreach (var input in session.Inputs.Where(i => i.Problems.Count > 0))
            {
                foreach (var problem in input.Problems)
                {
                    stderr.WriteLine($"{input.Path}: {problem}");
                }
            }

            return unreadable.Count > 0 ? ExitCodes.UnreadableInput : ExitCodes.Ok;
        });
        return command;
    }

    internal static string Tsv(EventRecord record) => string.Join('\t',
        record.RecordNumber?.ToString(CultureInfo.InvariantCulture) ?? "",
        record.EventId.ToString(CultureInfo.InvariantCulture),
        record.Provider,
        record.TimeUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? "",
        record.Channel ?? "",
        record.Computer ?? "");
}
