namespace Diagnose.Core.Reports;

/// <summary>The wire names of the report's enums, for text output (the JSON converters write the same).</summary>
public static class ReportNames
{
    /// <c>validated</c>, <c>refuted</c> or <c>not-validated</c>.
    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Validated => "validated",
        Verdict.Refuted => "refuted",
        _ => "not-validated",
    };

    /// <c>plan</c> or <c>anti-plan</c>.
    public static string Name(this PlanKind kind) => kind == PlanKind.AntiPlan ? "anti-plan" : "plan";
}
