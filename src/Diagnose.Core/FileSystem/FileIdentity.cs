namespace Diagnose.Core.FileSystem;

/// <summary>
/// Which file an entry really is: device and inode on Linux, so two paths to one folder (a symbolic link and
/// its target) compare equal; elsewhere the fully resolved path.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode, string? ResolvedPath);
