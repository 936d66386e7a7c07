namespace Diagnose.Reports.Html.Layout;

/// <summary>The kinds of line in a refuted plan's counterexample trace.</summary>
internal enum TraceLineKind
{
    Step,
    Fault,
    Broken,
    Event,
}
