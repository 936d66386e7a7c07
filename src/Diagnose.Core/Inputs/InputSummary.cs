namespace Diagnose.Core.Inputs;

/// <summary>
/// What happened to one input: its detected format and the counts of records read, recovered from
/// damage, and skipped. <c>Records</c> includes the recovered ones; every record the input holds is
/// either in <c>Records</c> or in <c>Skipped</c>.
/// </summary>
public sealed class InputSummary
{
    private readonly List<InputProblem> _problems = [];

    public InputSummary(string path) => Path = path;

    public string Path { get; }

    /// <summary>Detected format id (evtx, evt, xml, csv, json, text, snapshot), or "unknown".</summary>
    public string Format { get; set; } = "unknown";

    public long Records { get; set; }

    public long Recovered { get; set; }

    public long Skipped { get; set; }

    /// <summary>True when nothing at all could be read from this input (missing, empty, unrecognised).</summary>
    public bool Unreadable { get; set; }

    public IReadOnlyList<InputProblem> Problems => _problems;

    public void AddProblem(InputProblem problem) => _problems.Add(problem);
}
