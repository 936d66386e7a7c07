using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Detection;

/// <summary>
/// Finds an input's format from its first bytes only; file names and extensions are never looked at,
/// because tickets arrive as "log.txt" holding anything.
/// </summary>
public static partial class FormatDetector
{
    /// <summary>Format id of a Windows Vista and later event log file (<c>ElfFile</c> header).</summary>
    public const string Evtx = "evtx";
    /// <summary>Format id of a legacy (NT 4.0 to Windows Server 2003) event log file.</summary>
    public const string Evt = "evt";
    /// <summary>Format id of Event Viewer or <c>wevtutil</c> XML.</summary>
    public const string Xml = "xml";
    /// <summary>Format id of a <c>Get-WinEvent</c> JSON export.</summary>
    public const string Json = "json";
    /// <summary>Format id of an Event Viewer CSV export.</summary>
    public const string Csv = "csv";
    /// <summary>Format id of event text pasted from Event Viewer.</summary>
    public const string Text = "text";
    /// <summary>Format id of a cluster snapshot JSON file.</summary>
    public const string Snapshot = "snapshot";
    /// <summary>Format id of an EventPipe <c>.nettrace</c> trace.</summary>
    public const string Nettrace = "nettrace";
    /// <summary>Format id of an ETW <c>.etl</c> trace.</summary>
    public const string Etl = "etl";
    /// <summary>The format id when no reader recognises the content.</summary>
    public const string Unknown = "unknown";

    /// <summary>Finds the format of an input from its first bytes (<paramref name="head"/>); returns the format id and the reason, <see cref="Unknown"/> when nothing matches.</summary>
    public static DetectedFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return new DetectedFormat(Unknown, "empty input");
        }

        if (head.StartsWith("ElfFile\0"u8))
        {
            return new DetectedFormat(Evtx, "ElfFile signature at offset 0");
        }

        if (head.Length >= 8 && head.Slice(4, 4).SequenceEqual("LfLe"u8)
            && (head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24)) == 0x30)
        {
            return new DetectedFormat(Evt, "LfLe signature at offset 4 with a 0x30-byte header");
        }

        if (head.StartsWith("Nettrace"u8))
        {
            return new DetectedFormat(Nettrace, "Nettrace signature at offset 0");
        }

        if (LooksLikeEtl(head))
        {
            return new DetectedFormat(Etl, "ETW buffer header whose first event is the trace's log-file header");
        }

        var (text, encoding) = Decode(head);
        if (text is null)
        {
            return new DetectedFormat(Unknown, "binary data, no known signature");
        }

        var body = text.AsSpan().TrimStart();
        if (body.IsEmpty)
        {
            return new DetectedFormat(Unknown, $"{encoding} text holding only white space");
        }

        switch (body[0])
        {
            case '<':
                return new DetectedFormat(Xml, $"{encoding} text starting with '<'");
            case '[':
                return new DetectedFormat(Json, $"{encoding} text starting with '['");
            case '{':
                return LooksLikeSnapshot(body)
                    ? new DetectedFormat(Snapshot, $"{encoding} JSON object with cluster snapshot keys")
                    : new DetectedFormat(Json, $"{encoding} text starting with '{{'");
        }

        var firstLine = FirstLine(body);
        if (CsvEventReader.IsHeader(firstLine))
        {
            return new DetectedFormat(Csv, $"{encoding} text with an Event Viewer CSV header");
        }

        if (CsvEventReader.LooksLikeLegacyRow(firstLine))
        {
            return new DetectedFormat(Csv, $"{encoding} text whose first line is a legacy Event Viewer CSV row");
        }

        if (EventIdLine().IsMatch(text))
        {
            return new DetectedFormat(Text, $"{encoding} text with an 'Event ID' line");
        }

        return new DetectedFormat(Unknown, $"{encoding} text without event records");
    }

    /// <summary>
    /// An .etl file is a sequence of ETW buffers. Each starts with a 0x48-byte WMI_BUFFER_HEADER
    /// (BufferSize at 0, SavedOffset at 4), and the first buffer's first event is the log-file header:
    /// a system trace header (header type 1 or 2, marker flags 0xC0) with hook id 0 (header group, info type).
    /// </summary>
    private static bool LooksLikeEtl(ReadOnlySpan<byte> head)
    {
        const int firstEvent = 0x48;
        if (head.Length < firstEvent + 8)
        {
            return false;
        }

        var bufferSize = BinaryPrimitives.ReadUInt32LittleEndian(head);
        var savedOffset = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        return bufferSize >= 1024 && bufferSize % 1024 == 0 && bufferSize <= 64 << 20
            && savedOffset > firstEvent && savedOffset <= bufferSize
            && head[firstEvent + 2] is 1 or 2 && head[firstEvent + 3] == 0xC0
            && BinaryPrimitives.ReadUInt16LittleEndian(head[(firstEvent + 6)..]) == 0;
    }

    /// <summary>Decodes the head as text, or returns null when it is binary (NUL bytes, control characters, invalid UTF-8).</summary>
    private static (string? Text, string Encoding) Decode(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Plausible(Encoding.Unicode.GetString(EvenLength(head[2..]))), "UTF-16 LE");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Plausible(Encoding.BigEndianUnicode.GetString(EvenLength(head[2..]))), "UTF-16 BE");
        }

        var name = "UTF-8";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
            name = "UTF-8 (BOM)";
        }

        if (head.Contains((byte)0))
        {
            return (null, name);
        }

        return (Plausible(Encoding.UTF8.GetString(head)), name);
    }

    private static ReadOnlySpan<byte> EvenLength(ReadOnlySpan<byte> bytes) => bytes[..(bytes.Length & ~1)];

    /// <summary>Text has few control characters and few undecodable bytes; random data has many.</summary>
    private static string? Plausible(string text)
    {
        var bad = 0;
        foreach (var c in text)
        {
            if (c == '\0' || (char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')) || c == '\uFFFD')
            {
                bad++;
            }
        }

        // ANSI exports read as UTF-8 give the odd replacement character; binary gives them everywhere.
        return bad * 20 > text.Length + 20 || text.Contains('\0') ? null : text.TrimStart('\uFEFF');
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }

    /// <summary>Scans the head for a top-level "nodes" or "quorum" key, or "kind": "cluster-snapshot".</summary>
    private static bool LooksLikeSnapshot(ReadOnlySpan<char> json)
    {
        var depth = 0;
        string? lastString = null;
        string? pendingKey = null;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            switch (c)
            {
                case '{' or '[':
                    depth++;
                    lastString = null;
                    break;
                case '}' or ']':
                    depth--;
                    lastString = null;
                    break;
                case ':':
                    pendingKey = depth == 1 ? lastString : null;
                    if (pendingKey is "nodes" or "quorum")
                    {
                        return true;
                    }

                    break;
                case ',':
                    pendingKey = null;
                    lastString = null;
                    break;
                case '"':
                    var sb = new StringBuilder();
                    i++;
                    while (i < json.Length && json[i] != '"')
                    {
                        if (json[i] == '\\')
                        {
                            i++;
                        }

                        if (i < json.Length)
                        {
                            sb.Append(json[i]);
                        }

                        i++;
                    }

                    lastString = sb.ToString();
                    if (pendingKey == "kind" && depth == 1 && lastString == "cluster-snapshot")
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    [GeneratedRegex(@"Event ID:? *\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventIdLine();
}
