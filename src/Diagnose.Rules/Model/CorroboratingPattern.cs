namespace Diagnose.Rules.Model;

/// <summary>
/// A <c>corroborate</c> entry: evidence the rule does not need but that raises its confidence by <see cref="Weight"/>
/// when present. When absent, <see cref="Collect"/> says what to fetch so it could be checked.
/// </summary>
public sealed record CorroboratingPattern(EvidencePattern Pattern, TextTemplate Description, double Weight, CollectAdvice Collect);
