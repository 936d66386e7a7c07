namespace Diagnose.Core.Reports;

/// <summary>The wire names of the report's enums, for text output (the JSON converters write the same).</summary>
public static class ReportNames
{
    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Validated => "validated",
        Verdict.Refuted => "refuted",
        _ => "not-validated",
    };

    public static string Name(this PlanKind kind) => kind == PlanKind.AntiPlan ? "anti-plan" : "plan";
}
