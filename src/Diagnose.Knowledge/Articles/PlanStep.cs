namespace Diagnose.Knowledge.Articles;

/// <summary>
/// One step: a named operation (see <see cref="Operations"/>), its arguments, and the instruction for a person.
/// <see cref="Precaution"/> says why the step stays although the plan validates without it (a fault the simulator
/// does not model); <c>diagnose validate --mutants</c> lists such steps.
/// </summary>
public sealed record PlanStep(string Operation, IReadOnlyDictionary<string, string> Arguments, string Text, string? Precaution = null);
