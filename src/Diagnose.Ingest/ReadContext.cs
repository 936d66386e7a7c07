using Diagnose.Core.Inputs;

namespace Diagnose.Ingest;

/// <summary>What a reader gets besides the bytes: the source name for origins, the summary to report into.</summary>
public sealed class ReadContext
{
    /// <summary>Creates the context for one input named <paramref name="source"/>, reporting into <paramref name="summary"/>.</summary>
    public ReadContext(string source, InputSummary summary, CancellationToken cancellation = default)
    {
        Source = source;
        Summary = summary;
        Cancellation = cancellation;
    }

    /// <summary>The input's path as the user gave it; used in every record origin and message.</summary>
    public string Source { get; }

    /// <summary>The summary the reader reports counts and problems into.</summary>
    public InputSummary Summary { get; }

    /// <summary>Cancels the read.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Binary readers also carve records from damaged and unused space (<c>diagnose events --recover</c>).</summary>
    public bool Recover { get; init; }

    /// <summary>Records a problem at a position; the reader goes on where it can.</summary>
    public void Problem(string message, long? offset = null, int? line = null, int? column = null) =>
        Summary.AddProblem(new InputProblem(message, offset, line, column));

    /// <summary>Counts one record that exists in the input but could not be read.</summary>
    public void Skip(string message, long? offset = null, int? line = null, int? column = null)
    {
        Summary.Skipped++;
        Problem(message, offset, line, column);
    }
}
