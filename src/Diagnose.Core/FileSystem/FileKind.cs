namespace Diagnose.Core.FileSystem;

/// <summary>What a directory entry is once its symbolic links are followed.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>A symbolic link whose chain leads back to itself (ELOOP).</summary>
    LinkLoop,

    /// <summary>Exists but its type could not be found (for example, a parent folder without search permission).</summary>
    Inaccessible,
}
