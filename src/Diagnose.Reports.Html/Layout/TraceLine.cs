namespace Diagnose.Reports.Html.Layout;

/// <summary>
/// One line of a counterexample trace as the report writes it (README, "Fix validation"): a step, <c>fault: …</c>,
/// <c>broken: …</c> or <c>event: …</c>.
/// </summary>
internal sealed record TraceLine(TraceLineKind Kind, string Text)
{
    public static IReadOnlyList<TraceLine> Read(IEnumerable<string> trace) => trace.Select(line =>
        line.StartsWith("fault: ", StringComparison.Ordinal) ? new TraceLine(TraceLineKind.Fault, line["fault: ".Length..])
        : line.StartsWith("broken: ", StringComparison.Ordinal) ? new TraceLine(TraceLineKind.Broken, line["broken: ".Length..])
        : line.StartsWith("event: ", StringComparison.Ordinal) ? new TraceLine(TraceLineKind.Event, line["event: ".Length..])
        : new TraceLine(TraceLineKind.Step, line)).ToList();
}
