using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Diagnose.Core.Time;

namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>
/// Turns substitution values into the text Windows shows: integers in decimal, hex integers as 0x…,
/// GUIDs braced upper-case, SIDs as S-1-…, times as ISO-8601 with 100 ns digits, binary as upper-case hex.
/// </summary>
internal static class ValueFormatter
{
    /// <summary>Size of one element of a fixed-size type, or 0 for variable-size types.</summary>
    public static int FixedSize(BinXmlValueType type) => ElementOf(type) switch
    {
        BinXmlValueType.Int8 or BinXmlValueType.UInt8 => 1,
        BinXmlValueType.Int16 or BinXmlValueType.UInt16 => 2,
        BinXmlValueType.Int32 or BinXmlValueType.UInt32 or BinXmlValueType.Real32 or BinXmlValueType.Bool or BinXmlValueType.HexInt32 => 4,
        BinXmlValueType.Int64 or BinXmlValueType.UInt64 or BinXmlValueType.Real64 or BinXmlValueType.FileTime or BinXmlValueType.HexInt64 => 8,
        BinXmlValueType.Guid or BinXmlValueType.SysTime => 16,
        _ => 0,
    };

    public static bool IsArray(BinXmlValueType type) => (type & BinXmlValueType.ArrayOf) != 0;

    /// <summary>The type of one element: the type itself, or without the array flag.</summary>
    public static BinXmlValueType ElementOf(BinXmlValueType type) => type & ~BinXmlValueType.ArrayOf;

    public static string Format(BinXmlValueType type, ReadOnlySpan<byte> data, StringPool? pool = null)
    {
        if (IsArray(type))
        {
            var items = new List<string>();
            FormatArray(type, data, items);
            return string.Join(", ", items);
        }

        switch (type)
        {
            case BinXmlValueType.Null:
                return string.Empty;
            case BinXmlValueType.String:
            {
                var chars = MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]);
                chars = chars.TrimEnd('\0');
                return pool is not null ? pool.Get(chars) : new string(chars);
            }

            case BinXmlValueType.AnsiString:
                return Encoding.Latin1.GetString(data.TrimEnd((byte)0));
            case BinXmlValueType.Int8 when data.Length >= 1:
                return ((sbyte)data[0]).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.UInt8 when data.Length >= 1:
                return data[0].ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.Int16 when data.Length >= 2:
                return BinaryPrimitives.ReadInt16LittleEndian(data).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.UInt16 when data.Length >= 2:
                return BinaryPrimitives.ReadUInt16LittleEndian(data).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.Int32 when data.Length >= 4:
                return BinaryPrimitives.ReadInt32LittleEndian(data).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.UInt32 when data.Length >= 4:
                return BinaryPrimitives.ReadUInt32LittleEndian(data).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.Int64 when data.Length >= 8:
                return BinaryPrimitives.ReadInt64LittleEndian(data).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.UInt64 when data.Length >= 8:
                return BinaryPrimitives.ReadUInt64LittleEndian(data).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.Real32 when data.Length >= 4:
                return BinaryPrimitives.ReadSingleLittleEndian(data).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.Real64 when data.Length >= 8:
                return BinaryPrimitives.ReadDoubleLittleEndian(data).ToString(CultureInfo.InvariantCulture);
            case BinXmlValueType.Bool when data.Length >= 1:
                // Any non-zero value is true: some providers write 0xFFFFFFFF or other non-canonical values.
                return data.ContainsAnyExcept((byte)0) ? "true" : "false";
            case BinXmlValueType.Guid when data.Length >= 16:
                return new Guid(data[..16]).ToString("B").ToUpperInvariant();
            case BinXmlValueType.SizeT or BinXmlValueType.HexInt32 or BinXmlValueType.HexInt64:
                return data.Length switch
                {
                    4 => "0x" + BinaryPrimitives.ReadUInt32LittleEndian(data).ToString("X", CultureInfo.InvariantCulture),
                    8 => "0x" + BinaryPrimitives.ReadUInt64LittleEndian(data).ToString("X", CultureInfo.InvariantCulture),
                    _ => Convert.ToHexString(data),
                };
            case BinXmlValueType.FileTime when data.Length >= 8:
                return FormatTime(FileTimeToUtc(BinaryPrimitives.ReadInt64LittleEndian(data)));
            case BinXmlValueType.SysTime when data.Length >= 16:
                return SystemTimeToUtc(data) is DateTime st ? FormatTime(st) : Convert.ToHexString(data);
            case BinXmlValueType.Sid:
                return FormatSid(data) ?? Convert.ToHexString(data);
            default:
                return Convert.ToHexString(data);
        }
    }

    /// <summary>One string per array element (<see cref="BinXmlValueType.ArrayOf"/>): NUL-separated strings or fixed-size items.</summary>
    public static void FormatArray(BinXmlValueType type, ReadOnlySpan<byte> data, List<string> items)
    {
        var element = ElementOf(type);
        if (element == BinXmlValueType.String)
        {
            var chars = MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]);
            while (chars.Length > 0)
            {
                var end = chars.IndexOf('\0');
                if (end < 0)
                {
                    items.Add(new string(chars));
                    break;
                }

                items.Add(new string(chars[..end]));
                chars = chars[(end + 1)..];
            }

            return;
        }

        if (element == BinXmlValueType.AnsiString)
        {
            while (data.Length > 0)
            {
                var end = data.IndexOf((byte)0);
                if (end < 0)
                {
                    items.Add(Encoding.Latin1.GetString(data));
                    break;
                }

                items.Add(Encoding.Latin1.GetString(data[..end]));
                data = data[(end + 1)..];
            }

            return;
        }

        if (element == BinXmlValueType.Sid)
        {
            // SIDs vary in size: each one says how many sub-authorities follow.
            while (data.Length >= 8)
            {
                var size = 8 + (4 * data[1]);
                if (size > data.Length)
                {
                    break;
                }

                items.Add(FormatSid(data[..size]) ?? string.Empty);
                data = data[size..];
            }

            return;
        }

        var width = element == BinXmlValueType.SizeT ? (data.Length % 8 == 0 ? 8 : 4) : FixedSize(element);
        if (width == 0)
        {
            items.Add(Convert.ToHexString(data));
            return;
        }

        for (var i = 0; i + width <= data.Length; i += width)
        {
            items.Add(Format(element, data.Slice(i, width)));
        }
    }

    /// <summary>Integer view of a value (any integer, hex, size or bool type, or a decimal/hex string).</summary>
    public static bool TryGetUInt64(BinXmlValueType type, ReadOnlySpan<byte> data, out ulong value)
    {
        value = 0;
        switch (type)
        {
            case BinXmlValueType.Int8 when data.Length >= 1:
                value = (ulong)(sbyte)data[0];
                return true;
            case BinXmlValueType.UInt8 when data.Length >= 1:
                value = data[0];
                return true;
            case BinXmlValueType.Int16 when data.Length >= 2:
                value = (ulong)BinaryPrimitives.ReadInt16LittleEndian(data);
                return true;
            case BinXmlValueType.UInt16 when data.Length >= 2:
                value = BinaryPrimitives.ReadUInt16LittleEndian(data);
                return true;
            case BinXmlValueType.Int32 when data.Length >= 4:
                value = (ulong)BinaryPrimitives.ReadInt32LittleEndian(data);
                return true;
            case BinXmlValueType.UInt32 or BinXmlValueType.Bool or BinXmlValueType.HexInt32 when data.Length >= 4:
                value = BinaryPrimitives.ReadUInt32LittleEndian(data);
                return true;
            case BinXmlValueType.Int64 or BinXmlValueType.UInt64 or BinXmlValueType.HexInt64 when data.Length >= 8:
                value = BinaryPrimitives.ReadUInt64LittleEndian(data);
                return true;
            case BinXmlValueType.SizeT when data.Length is 4 or 8:
                value = data.Length == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(data) : BinaryPrimitives.ReadUInt64LittleEndian(data);
                return true;
            case BinXmlValueType.String:
                return TryParseUInt64(MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]).TrimEnd('\0'), out value);
            case BinXmlValueType.AnsiString:
                return TryParseUInt64(Encoding.Latin1.GetString(data.TrimEnd((byte)0)), out value);
            default:
                return false;
        }
    }

    public static bool TryParseUInt64(ReadOnlySpan<char> s, out ulong value)
    {
        s = s.Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (s.StartsWith('-') && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed))
        {
            value = (ulong)signed;
            return true;
        }

        return ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Time view of a value: FILETIME, SYSTEMTIME or an ISO-8601 string.</summary>
    public static DateTime? TryGetTime(BinXmlValueType type, ReadOnlySpan<byte> data)
    {
        switch (type)
        {
            case BinXmlValueType.FileTime when data.Length >= 8:
                return FileTimeToUtc(BinaryPrimitives.ReadInt64LittleEndian(data));
            case BinXmlValueType.SysTime when data.Length >= 16:
                return SystemTimeToUtc(data);
            case BinXmlValueType.String:
                return ParseTime(MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]).TrimEnd('\0'));
            default:
                return null;
        }
    }

    public static DateTime? ParseTime(ReadOnlySpan<char> s) =>
        DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : null;

    /// <summary>FILETIME (100 ns ticks since 1601) to UTC, keeping every tick; out-of-range values clamp.</summary>
    public static DateTime FileTimeToUtc(long fileTime)
    {
        const long Epoch1601 = 504911232000000000L; // DateTime ticks at 1601-01-01
        if (fileTime < 0 || fileTime > DateTime.MaxValue.Ticks - Epoch1601)
        {
            return new DateTime(Epoch1601, DateTimeKind.Utc);
        }

        return new DateTime(Epoch1601 + fileTime, DateTimeKind.Utc);
    }

    public static DateTime? SystemTimeToUtc(ReadOnlySpan<byte> d)
    {
        var year = BinaryPrimitives.ReadUInt16LittleEndian(d);
        var month = BinaryPrimitives.ReadUInt16LittleEndian(d[2..]);
        var day = BinaryPrimitives.ReadUInt16LittleEndian(d[6..]);
        var hour = BinaryPrimitives.ReadUInt16LittleEndian(d[8..]);
        var minute = BinaryPrimitives.ReadUInt16LittleEndian(d[10..]);
        var second = BinaryPrimitives.ReadUInt16LittleEndian(d[12..]);
        var ms = BinaryPrimitives.ReadUInt16LittleEndian(d[14..]);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || ms > 999)
        {
            return null;
        }

        return new DateTime(year, month, day, hour, minute, second, ms, DateTimeKind.Utc);
    }

    public static string FormatTime(DateTime utc) => IsoTime.Format(utc, IsoPrecision.Ticks);

    /// <summary>Binary SID (revision, count, 48-bit big-endian authority, 32-bit sub-authorities) to S-1-….</summary>
    public static string? FormatSid(ReadOnlySpan<byte> d)
    {
        if (d.Length < 8 || d.Length < 8 + (4 * d[1]))
        {
            return null;
        }

        ulong authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | d[i];
        }

        var sb = new StringBuilder(64);
        sb.Append("S-").Append(d[0].ToString(CultureInfo.InvariantCulture)).Append('-');
        if (authority >= 1UL << 32)
        {
            sb.Append("0x").Append(authority.ToString("X12", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append(authority.ToString(CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < d[1]; i++)
        {
            sb.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(d[(8 + (4 * i))..]).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
