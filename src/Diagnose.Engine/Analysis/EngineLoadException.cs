using Diagnose.Rules.Loading;

namespace Diagnose.Analysis;

/// <summary>The rules or knowledge articles could not be loaded; <see cref="Problems"/> lists every problem with file, line and column.</summary>
public sealed class EngineLoadException : Exception
{
    public EngineLoadException(IReadOnlyList<RuleProblem> problems)
        : base($"{problems.Count} problem(s) in rules or knowledge articles:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}") =>
        Problems = problems;

    public IReadOnlyList<RuleProblem> Problems { get; }
}
