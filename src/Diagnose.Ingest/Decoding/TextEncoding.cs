namespace Diagnose.Ingest.Decoding;

/// <summary>The encodings a text input is read in: UTF-8 unless a byte order mark says otherwise.</summary>
internal enum TextEncoding
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}
