namespace Diagnose.Rules.Evidence;

/// <summary>
/// One node's clock relative to the common reference: <see cref="Correction"/> was already subtracted from its
/// facts' times before the run (zero when none was), and <see cref="Uncertainty"/> is how far its corrected times
/// may still be from the reference's. <see cref="Basis"/> says in a few words how that is known.
/// </summary>
public sealed record NodeClock(TimeSpan Correction, TimeSpan Uncertainty, string Basis);
