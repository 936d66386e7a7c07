namespace Diagnose.Core.FileSystem;

/// <summary>
/// One result of a folder walk: a regular file to read (<see cref="Problem"/> null), or a path that was not
/// read and why (a link loop, a FIFO, an unreadable folder, a limit reached).
/// </summary>
public sealed record WalkEntry(string Path, string? Problem)
{
    public bool IsFile => Problem is null;
}
