namespace Diagnose.Simulation.Model;

/// <summary>
/// The quorum disk's <c>MSCS</c> folder: checkpoints, <c>quolog.log</c> (configuration changes logged
/// since the last checkpoint) and the tombstone; plus folders set aside by a person.
/// </summary>
public sealed class QuorumDisk
{
    public bool MscsPresent { get; set; } = true;

    public List<Checkpoint> Checkpoints { get; init; } = [];

    public bool QuologPresent { get; set; } = true;

    public bool QuologValid { get; set; } = true;

    /// <summary>Configuration versions logged in quolog.log since the newest checkpoint.</summary>
    public List<int> Logged { get; init; } = [];

    public bool Tombstone { get; set; }

    public List<string> SetAside { get; init; } = [];

    public int NextSequence { get; set; } = 1;

    public Checkpoint? Latest => Checkpoints.Count == 0 ? null : Checkpoints.MaxBy(c => c.Sequence);

    /// <summary>The configuration version forming from these files would give (checkpoint rolled up with the log), or null.</summary>
    public int? RecoverableVersion => MscsPresent && QuologPresent && QuologValid && Latest is { Consistent: true } latest
        ? Math.Max(latest.ConfigVersion, Logged.Count == 0 ? 0 : Logged.Max())
        : null;

    public QuorumDisk Clone() => new()
    {
        MscsPresent = MscsPresent, Checkpoints = [.. Checkpoints], QuologPresent = QuologPresent, QuologValid = QuologValid,
        Logged = [.. Logged], Tombstone = Tombstone, SetAside = [.. SetAside], NextSequence = NextSequence,
    };
}
