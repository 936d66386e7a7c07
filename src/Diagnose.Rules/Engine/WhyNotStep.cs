namespace Diagnose.Rules.Engine;

/// <summary>
/// One pattern of a rule in a "why not" report: how many facts pass its own tests (<see cref="Candidates"/>),
/// how many partial matches reach it (<see cref="Reaching"/>) and how many get past it (<see cref="Passing"/>).
/// </summary>
public sealed record WhyNotStep(int Index, string Kind, string Alias, string FactType, string OwnTests, string JoinTests, int Candidates, int Reaching, int Passing)
{
    /// <summary>
    /// The step as one line: its 1-based position, kind, fact type and alias, the counts, and the own and
    /// join tests in brackets.
    /// </summary>
    public override string ToString() =>
        $"{Index + 1}. {Kind} {FactType} as {Alias}: {Candidates} fact(s) pass [{OwnTests}]; {Reaching} partial match(es) reach it, {Passing} get past" +
        (JoinTests.Length > 0 ? $" [{JoinTests}]" : "");
}
