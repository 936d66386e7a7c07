using System.Runtime.InteropServices;

namespace Diagnose.Core.FileSystem;

/// <summary>
/// The type and identity of a path without opening it, so a FIFO is never opened (opening one for reading
/// blocks until a writer appears). .NET reports FIFOs, devices and sockets as ordinary files, so on Linux this
/// asks the kernel through statx(2), whose buffer layout is the same on every architecture (man 2 statx).
/// </summary>
public static class FileStatus
{
    // man 2 statx / <linux/stat.h>: AT_FDCWD, STATX_TYPE | STATX_INO, and the S_IFMT bits of stx_mode.
    private const int AtCurrentDirectory = -100;
    private const uint StatxTypeAndInode = 0x1 | 0x100;
    private const int ModeOffset = 28;
    private const int InodeOffset = 32;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;
    private const int LoopErrno = 40; // ELOOP
    private const int AccessErrno = 13; // EACCES

    /// <summary>The entry's kind after following links, and whether the entry itself is a symbolic link.</summary>
    public static (FileKind Kind, bool IsLink, FileIdentity Identity) Of(string path)
    {
        var isLink = IsSymbolicLink(path);
        return OperatingSystem.IsLinux() ? Statx(path, isLink) : Portable(path, isLink);
    }

    /// <summary>The kind in words, for messages: "a named pipe (FIFO)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.LinkLoop => "a symbolic link loop",
        FileKind.Inaccessible => "not accessible (permission denied)",
        _ => "missing",
    };

    private static bool IsSymbolicLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static (FileKind, bool, FileIdentity) Statx(string path, bool isLink)
    {
        var buffer = new byte[256];
        if (StatxNative(AtCurrentDirectory, path, 0, StatxTypeAndInode, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var kind = errno switch
            {
                LoopErrno => FileKind.LinkLoop,
                AccessErrno => FileKind.Inaccessible,
                _ => FileKind.Missing,
            };
            return (kind, isLink, default);
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        var identity = new FileIdentity(
            ((ulong)BitConverter.ToUInt32(buffer, DeviceMajorOffset) << 32) | BitConverter.ToUInt32(buffer, DeviceMinorOffset),
            BitConverter.ToUInt64(buffer, InodeOffset),
            null);
        var type = mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Inaccessible,
        };
        return (type, isLink, identity);
    }

    /// <summary>Windows and macOS: what .NET can tell; identity by the fully resolved path.</summary>
    private static (FileKind, bool, FileIdentity) Portable(string path, bool isLink)
    {
        try
        {
            var info = Directory.Exists(path) ? (FileSystemInfo)new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists)
            {
                return (FileKind.Missing, isLink, default);
            }

            var resolved = isLink ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName : info.FullName;
            var kind = info is DirectoryInfo ? FileKind.Directory : (info.Attributes & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : FileKind.Regular;
            return (kind, isLink, new FileIdentity(0, 0, resolved));
        }
        catch (IOException)
        {
            return (FileKind.LinkLoop, isLink, default);
        }
        catch (UnauthorizedAccessException)
        {
            return (FileKind.Inaccessible, isLink, default);
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int StatxNative(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
