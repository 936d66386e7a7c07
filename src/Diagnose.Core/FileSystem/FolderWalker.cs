namespace Diagnose.Core.FileSystem;

/// <summary>
/// Lists the files under a folder, each once, for every folder walk (inputs, rule and article folders, uploads).
/// The traps of a real file system become problems naming the path instead of hangs or exceptions: a symbolic
/// link back to a folder on the current path is not followed (a loop would otherwise be walked forever), a link
/// to a folder or file already seen is not read twice, FIFOs, devices and sockets are never opened, an
/// unreadable folder is reported and the rest is walked, and the walk stops at <see cref="MaxFiles"/> files or
/// <see cref="MaxDepth"/> levels.
/// </summary>
public sealed class FolderWalker
{
    /// <summary>Files one walk returns at most; far above any incident folder, low enough to bound memory.</summary>
    public int MaxFiles { get; init; } = 100_000;

    /// <summary>Folder levels below the root that are read.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>
    /// The files under <paramref name="root"/> whose name <paramref name="include"/> accepts (or the root itself
    /// when it is a file) and the paths not read, in ordinal order of their paths.
    /// </summary>
    public IReadOnlyList<WalkEntry> Walk(string root, Func<string, bool>? include = null)
    {
        var walk = new State(root, include ?? (_ => true), this);
        var (kind, _, identity) = FileStatus.Of(root);
        if (kind != FileKind.Directory)
        {
            walk.Add(root, kind, identity, named: true);
            return walk.Entries;
        }

        walk.Folder(root, identity, 0, []);
        return [.. walk.Entries.OrderBy(e => e.Path, StringComparer.Ordinal)];
    }

    /// <summary>Why a path of this kind is not read, or null for a regular file.</summary>
    public static string? Refusal(FileKind kind) => kind switch
    {
        FileKind.Regular => null,
        FileKind.Missing => "no such file or folder",
        FileKind.Fifo => "a named pipe (FIFO), not a file: skipped without opening it",
        FileKind.CharacterDevice => "a character device, not a file: skipped without opening it",
        FileKind.BlockDevice => "a block device, not a file: skipped without opening it",
        FileKind.Socket => "a socket, not a file: skipped without opening it",
        FileKind.LinkLoop => "a symbolic link that leads back to itself (a link loop): not followed",
        FileKind.Inaccessible => "cannot be read: permission denied",
        _ => "a folder where a file was expected",
    };

    private sealed class State(string root, Func<string, bool> include, FolderWalker limits)
    {
        private readonly HashSet<FileIdentity> _seen = [];
        private readonly Dictionary<FileIdentity, string> _firstPath = [];
        private int _files;
        private bool _full;

        public List<WalkEntry> Entries { get; } = [];

        public void Folder(string folder, FileIdentity identity, int depth, HashSet<FileIdentity> ancestors)
        {
            _seen.Add(identity);
            _firstPath.TryAdd(identity, folder);
            List<string> children;
            try
            {
                var options = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };
                children = [.. Directory.EnumerateFileSystemEntries(folder, "*", options).Order(StringComparer.Ordinal)];
            }
            catch (UnauthorizedAccessException)
            {
                Entries.Add(new WalkEntry(folder, "folder cannot be read: permission denied; the rest was read"));
                return;
            }
            catch (IOException e)
            {
                Entries.Add(new WalkEntry(folder, $"folder cannot be read ({e.GetType().Name}); the rest was read"));
                return;
            }

            HashSet<FileIdentity> path = [.. ancestors, identity];
            foreach (var child in children)
            {
                if (_full)
                {
                    return;
                }

                var (kind, isLink, childIdentity) = FileStatus.Of(child);
                if (kind != FileKind.Directory)
                {
                    Add(child, kind, childIdentity, named: false);
                    continue;
                }

                if (path.Contains(childIdentity))
                {
                    Entries.Add(new WalkEntry(child, $"symbolic link to a folder that contains it ({_firstPath[childIdentity]}): not followed, so the walk cannot loop"));
                }
                else if (_seen.Contains(childIdentity))
                {
                    Entries.Add(new WalkEntry(child, $"{(isLink ? "symbolic link to a folder" : "folder")} already read as {_firstPath[childIdentity]}: not read twice"));
                }
                else if (depth + 1 > limits.MaxDepth)
                {
                    Entries.Add(new WalkEntry(child, $"folder more than {limits.MaxDepth} levels below {root}: not read (the walk's depth limit)"));
                }
                else
                {
                    Folder(child, childIdentity, depth + 1, path);
                }
            }
        }

        public void Add(string file, FileKind kind, FileIdentity identity, bool named)
        {
            // Names the filter refuses are not candidates at all (hidden files, non-JSON in a rule folder),
            // whatever their type; a path the user named is always a candidate.
            if (!named && !include(Path.GetFileName(file)))
            {
                return;
            }

            if (Refusal(kind) is { } refusal)
            {
                Entries.Add(new WalkEntry(file, refusal));
                return;
            }

            if (!_seen.Add(identity))
            {
                Entries.Add(new WalkEntry(file, $"the same file as {_firstPath[identity]} (a link): read once"));
                return;
            }

            _firstPath[identity] = file;
            if (_files == limits.MaxFiles)
            {
                _full = true;
                Entries.Add(new WalkEntry(root, $"more than {limits.MaxFiles} files under this folder: the walk stopped at the limit, later files were not read"));
                return;
            }

            _files++;
            Entries.Add(new WalkEntry(file, null));
        }
    }
}
