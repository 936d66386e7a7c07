namespace Diagnose.Core.FileSystem;

/// <summary>What a directory entry is once its symbolic links are followed.</summary>
public enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A named pipe, never opened (a read blocks until a writer appears).</summary>
    Fifo,
    /// <summary>A character device.</summary>
    CharacterDevice,
    /// <summary>A block device.</summary>
    BlockDevice,
    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>A symbolic link whose chain leads back to itself (ELOOP).</summary>
    LinkLoop,

    /// <summary>Exists but its type could not be found (for example, a parent folder without search permission).</summary>
    Inaccessible,
}
