using System.Buffers.Binary;
using System.Globalization;

namespace Diagnose.Ingest.Evtx.Writing;

/// <summary>Encodes an "S-1-5-21-…" string as the binary SID layout (revision, count, 48-bit authority, sub-authorities).</summary>
internal static class SidCodec
{
    public static byte[]? TryEncode(string? sid)
    {
        if (sid is null || !sid.StartsWith("S-", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = sid.Split('-');
        if (parts.Length < 3 || parts.Length - 3 > 15
            || !byte.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            || !ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var authority)
            || authority >= 1UL << 48)
        {
            return null;
        }

        var count = parts.Length - 3;
        var b = new byte[8 + (4 * count)];
        b[0] = revision;
        b[1] = (byte)count;
        for (var i = 0; i < 6; i++)
        {
            b[2 + i] = (byte)(authority >> (8 * (5 - i))); // big-endian, unlike the rest
        }

        for (var i = 0; i < count; i++)
        {
            if (!uint.TryParse(parts[3 + i], NumberStyles.None, CultureInfo.InvariantCulture, out var sub))
            {
                return null;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8 + (4 * i)), sub);
        }

        return b;
    }
}
