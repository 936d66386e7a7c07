using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Diagnose.Cli.Tests;

/// <summary>
/// A temporary incident folder (the bundled Q188674 logs) that every user can traverse, to which a test adds one
/// file-system trap. Disposing restores permissions and deletes it.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class TrapFolder : IDisposable
{
    private const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public TrapFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "diagnose-trap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root, Open);
        File.SetUnixFileMode(Root, Open);
        foreach (var file in Directory.GetFiles(Cli.Sample("incidents/Q188674-exchange-ds-restore")))
        {
            var copy = Path.Combine(Root, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        IncidentFiles = [.. Directory.GetFiles(Root).Order(StringComparer.Ordinal)];
    }

    private readonly List<string> _locked = [];

    public string Root { get; }

    /// <summary>The incident's own logs, which must be analysed whatever trap is beside them.</summary>
    public IReadOnlyList<string> IncidentFiles { get; }

    public string Folder(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(path, Open);
        File.SetUnixFileMode(path, Open);
        return path;
    }

    public string Fifo(string relative)
    {
        var path = Path.Combine(Root, relative);
        Assert.AreEqual(0, MakeFifo(path, 0x1A4), $"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
        return path;
    }

    /// <summary>Takes every permission away from a file or folder (restored before deletion).</summary>
    public void Lock(string path)
    {
        File.SetUnixFileMode(path, UnixFileMode.None);
        _locked.Add(path);
    }

    public void Dispose()
    {
        // Not a recursive enumeration: .NET's follows symbolic links to folders, so it would walk the loops under test.
        foreach (var path in _locked)
        {
            File.SetUnixFileMode(path, Open);
        }

        Directory.Delete(Root, recursive: true);
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
