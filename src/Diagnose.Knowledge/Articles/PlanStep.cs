namespace Diagnose.Knowledge.Articles;

/// <summary>One step: a named operation (see <see cref="Operations"/>), its arguments, and the instruction for a person.</summary>
public sealed record PlanStep(string Operation, IReadOnlyDictionary<string, string> Arguments, string Text);
