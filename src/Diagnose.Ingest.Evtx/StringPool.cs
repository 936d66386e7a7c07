using System.Runtime.InteropServices;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Shares the strings that repeat in nearly every record (provider, channel, computer, element names),
/// so reading a million records does not allocate a million copies of "System".
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledLength = 128;
    private const int MaxEntries = 16384;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length == 0)
        {
            return string.Empty;
        }

        if (chars.Length > MaxPooledLength)
        {
            return new string(chars);
        }

        if (_lookup.TryGetValue(chars, out var s))
        {
            return s;
        }

        s = new string(chars);
        if (_pool.Count < MaxEntries)
        {
            _pool[s] = s;
        }

        return s;
    }

    /// <summary>UTF-16 little-endian bytes to a pooled string.</summary>
    public string GetUtf16(ReadOnlySpan<byte> bytes) => Get(MemoryMarshal.Cast<byte, char>(bytes[..(bytes.Length & ~1)]));
}
