namespace Diagnose.Core.Inputs;

/// <summary>
/// What happened to one input: its detected format and the counts of records read, recovered from
/// damage, and skipped. <c>Records</c> includes the recovered ones; every record the input holds is
/// either in <c>Records</c> or in <c>Skipped</c>.
/// </summary>
public sealed class InputSummary
{
    private readonly List<InputProblem> _problems = [];

    /// <summary>Starts the summary of the input at <paramref name="path"/>, with no records read yet and the format unknown.</summary>
    public InputSummary(string path) => Path = path;

    /// <summary>The input's file path, or the name given to a stream.</summary>
    public string Path { get; }

    /// <summary>Detected format id (evtx, evt, xml, csv, json, text, snapshot), or "unknown".</summary>
    public string Format { get; set; } = "unknown";

    /// <summary>Records read, including those recovered from damage.</summary>
    public long Records { get; set; }

    /// <summary>Records read back from a damaged part of the input (counted in <see cref="Records"/> too).</summary>
    public long Recovered { get; set; }

    /// <summary>Records that could not be read.</summary>
    public long Skipped { get; set; }

    /// <summary>True when nothing at all could be read from this input (missing, empty, unrecognised).</summary>
    public bool Unreadable { get; set; }

    /// <summary>Every problem met while reading, in order, each with its position.</summary>
    public IReadOnlyList<InputProblem> Problems => _problems;

    /// <summary>Records one problem met while reading.</summary>
    public void AddProblem(InputProblem problem) => _problems.Add(problem);
}
