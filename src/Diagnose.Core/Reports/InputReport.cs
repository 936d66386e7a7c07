namespace Diagnose.Core.Reports;

/// <summary>One input in the report: detected format and the read/recovered/skipped counts with every problem.</summary>
public sealed class InputReport
{
    public required string Path { get; init; }

    public required string Format { get; init; }

    public long Records { get; init; }

    public long Recovered { get; init; }

    public long Skipped { get; init; }

    public List<InputError> Errors { get; init; } = [];

    /// <summary>True when nothing at all could be read from this input (missing, empty, unrecognised, or every record failed).</summary>
    public bool Unreadable { get; init; }
}
