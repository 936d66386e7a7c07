namespace Diagnose.Core.FileSystem;

/// <summary>
/// One result of a folder walk: a regular file to read (<see cref="Problem"/> null), or a path that was not
/// read and why (a link loop, a FIFO, an unreadable folder, a limit reached).
/// </summary>
public sealed record WalkEntry(string Path, string? Problem)
{
    /// <summary>True for a regular file to read; false for a path that was passed over (see <see cref="Problem"/>).</summary>
    public bool IsFile => Problem is null;
}
