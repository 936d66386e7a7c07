using Diagnose.Rules.Loading;

namespace Diagnose.Analysis;

/// <summary>The rules or knowledge articles could not be loaded; <see cref="Problems"/> lists every problem with file, line and column.</summary>
public sealed class EngineLoadException : Exception
{
    /// <summary>An exception whose message counts the problems and lists each on its own line.</summary>
    /// <param name="problems">Every problem loading found, each with file, line and column.</param>
    public EngineLoadException(IReadOnlyList<RuleProblem> problems)
        : base($"{problems.Count} problem(s) in rules or knowledge articles:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}") =>
        Problems = problems;

    /// <summary>Every problem found, across rules, event catalogs, resource tables, decision tables and articles.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }
}
