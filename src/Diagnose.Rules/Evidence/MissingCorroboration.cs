using Diagnose.Rules.Model;

namespace Diagnose.Rules.Evidence;

/// <summary>
/// A <c>corroborate</c> entry that was absent: its description, what to collect, from which log and node (when the
/// rule says), and the window of time it would fall in (the match's times, widened by <see cref="EvidenceAssessor.CollectMargin"/>).
/// </summary>
public sealed record MissingCorroboration(CorroboratingPattern Pattern, string Description, string What, string? Log, string? Node, DateTime? From, DateTime? To);
