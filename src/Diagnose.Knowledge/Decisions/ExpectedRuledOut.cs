namespace Diagnose.Knowledge.Decisions;

/// <summary>A candidate the report's <c>ruledOut[]</c> must list, with a piece of the reason it must give.</summary>
public sealed record ExpectedRuledOut(string Rule, string? ReasonContains);
