namespace Diagnose.Core.Reports;

/// <summary>
/// The result of one analysis, shaped exactly as the output contract (DESIGN.md): the same object is
/// printed by the CLI, returned by the REST service and handed to library callers.
/// </summary>
public sealed class AnalysisReport
{
    public List<InputReport> Inputs { get; } = [];

    public List<DiagnosisReport> Diagnoses { get; } = [];

    public List<EventReference> Benign { get; } = [];

    public List<EventReference> Unexplained { get; } = [];
}
