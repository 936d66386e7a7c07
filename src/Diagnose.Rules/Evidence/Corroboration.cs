using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Evidence;

/// <summary>A <c>corroborate</c> entry that was present, with its description rendered and the facts that matched it.</summary>
public sealed record Corroboration(CorroboratingPattern Pattern, string Description, IReadOnlyList<Fact> Facts);
