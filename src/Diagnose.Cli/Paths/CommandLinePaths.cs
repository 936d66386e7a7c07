using Diagnose.Core.FileSystem;

namespace Diagnose.Cli.Paths;

/// <summary>
/// Checks every path given on the command line before any input is read, so a report is never computed
/// only to be lost on a folder that does not exist. Each check returns the reason the path is unusable, or null.
/// </summary>
internal static class CommandLinePaths
{
    /// <summary>A file to write: its folder exists, it is not a folder, pipe or device, and it can be written.</summary>
    public static string? OutputFile(string option, string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{option} '{path}' is not a valid path";
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || FileStatus.Of(folder).Kind != FileKind.Directory)
        {
            return $"{option} '{path}': the folder '{folder}' does not exist; create it first";
        }

        var kind = FileStatus.Of(full).Kind;
        if (kind == FileKind.Directory)
        {
            return $"{option} '{path}' is a folder; give a file name";
        }

        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            return $"{option} '{path}' is {FileStatus.Describe(kind)}, not a regular file: nothing was written";
        }

        return Writable(option, path, full, existed: kind == FileKind.Regular);
    }

    /// <summary>A folder to write files into: created if missing (with its parents), and writable.</summary>
    public static string? OutputFolder(string option, string path)
    {
        var kind = FileStatus.Of(path).Kind;
        if (kind is not (FileKind.Missing or FileKind.Directory))
        {
            return $"{option} '{path}' exists and is not a folder";
        }

        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{option} '{path}': the folder cannot be created there ({Reason(e)})";
        }

        return Writable(option, path, Path.Combine(path, $".diagnose-probe-{Environment.ProcessId}"), existed: false);
    }

    /// <summary>A folder to read (rules, articles).</summary>
    public static string? InputFolder(string option, string path) => FileStatus.Of(path).Kind switch
    {
        FileKind.Directory => null,
        FileKind.Missing => $"{option} '{path}': no such folder",
        var kind => $"{option} '{path}' is {FileStatus.Describe(kind)}, not a folder",
    };

    /// <summary>A file to read whole (a facts file): a regular file, never a pipe that would block.</summary>
    public static string? InputFile(string option, string path) => FileStatus.Of(path).Kind switch
    {
        FileKind.Regular => null,
        FileKind.Directory => $"{option} '{path}' is a folder; give a file",
        FileKind.Missing => $"{option} '{path}': no such file",
        var kind => $"{option} '{path}' is {FileStatus.Describe(kind)}, not a file: it was not opened",
    };

    /// <summary>Opens (or creates and removes) the target once: read-only targets and file systems fail here, not after the work.</summary>
    private static string? Writable(string option, string path, string full, bool existed)
    {
        try
        {
            using (new FileStream(full, existed ? FileMode.Open : FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(full);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{option} '{path}' cannot be written ({Reason(e)})";
        }
    }

    private static string Reason(Exception e) => e is UnauthorizedAccessException ? "permission denied" : e.Message;
}
