using System.Globalization;

namespace Diagnose.Simulation.Model;

/// <summary>A <c>Chk&lt;n&gt;.tmp</c> file: the configuration version it holds, whether its contents are whole, and whether quolog.log has its checksum (SP5 and later).</summary>
public sealed record Checkpoint(int Sequence, int ConfigVersion, bool Consistent, DateTime WrittenAt, bool ChecksumRecorded)
{
    /// <summary>MSCS names checkpoints by their sequence in hexadecimal.</summary>
    public string File => $"Chk{Sequence.ToString("X5", CultureInfo.InvariantCulture)}.tmp";
}
