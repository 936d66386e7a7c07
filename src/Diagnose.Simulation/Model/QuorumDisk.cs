namespace Diagnose.Simulation.Model;

/// <summary>
/// The quorum disk's <c>MSCS</c> folder: checkpoints, <c>quolog.log</c> (configuration changes logged
/// since the last checkpoint) and the tombstone; plus folders set aside by a person.
/// </summary>
public sealed class QuorumDisk
{
    /// <summary>False once a person renamed or deleted the MSCS folder: no checkpoints, no quolog.log.</summary>
    public bool MscsPresent { get; set; } = true;

    /// <summary>The checkpoint files (Chk&lt;n&gt;.tmp) in the folder, oldest first.</summary>
    public List<Checkpoint> Checkpoints { get; init; } = [];

    /// <summary>Whether quolog.log exists.</summary>
    public bool QuologPresent { get; set; } = true;

    /// <summary>False when quolog.log is damaged: forming then ignores it and the checkpoint.</summary>
    public bool QuologValid { get; set; } = true;

    /// <summary>Configuration versions logged in quolog.log since the newest checkpoint.</summary>
    public List<int> Logged { get; init; } = [];

    /// <summary>Size of quolog.log in bytes since the newest checkpoint.</summary>
    public int LogBytes { get; set; }

    /// <summary>A tombstone file is present: forming then ignores the checkpoint and quolog.log and uses the node's Clusdb.</summary>
    public bool Tombstone { get; set; }

    /// <summary>The names the MSCS folder was renamed to by a person, in order.</summary>
    public List<string> SetAside { get; init; } = [];

    /// <summary>The number the next checkpoint file takes.</summary>
    public int NextSequence { get; set; } = 1;

    /// <summary>The newest checkpoint (highest sequence number), or null when there is none.</summary>
    public Checkpoint? Latest => Checkpoints.Count == 0 ? null : Checkpoints.MaxBy(c => c.Sequence);

    /// <summary>Whether forming reads the checkpoint and quolog.log (Q217147 startup step 5), not the node's Clusdb.</summary>
    public bool LogUsable => MscsPresent && QuologPresent && QuologValid && !Tombstone;

    /// <summary>The configuration version forming from these files would give (newest checkpoint rolled up with the log), or null.</summary>
    public int? RecoverableVersion => LogUsable && Latest is { Consistent: true } latest
        ? Math.Max(latest.ConfigVersion, Logged.Count == 0 ? 0 : Logged.Max())
        : null;

    /// <summary>
    /// The newest configuration any valid copy on the quorum disk holds: the newest checkpoint rolled up with a usable
    /// quolog.log, or any consistent checkpoint on its own (Q217147: "copy the Chk….tmp file, or another valid checkpoint file").
    /// </summary>
    public int? NewestValidCopy
    {
        get
        {
            var own = MscsPresent ? Checkpoints.Where(c => c.Consistent).Select(c => (int?)c.ConfigVersion).Max() : null;
            return RecoverableVersion is { } rolled ? Math.Max(rolled, own ?? 0) : own;
        }
    }

    /// <summary>A copy, for a run that must not change this one.</summary>
    public QuorumDisk Clone() => new()
    {
        MscsPresent = MscsPresent, Checkpoints = [.. Checkpoints], QuologPresent = QuologPresent, QuologValid = QuologValid,
        Logged = [.. Logged], LogBytes = LogBytes, Tombstone = Tombstone, SetAside = [.. SetAside], NextSequence = NextSequence,
    };
}
