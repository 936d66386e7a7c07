namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>A token as it is stored: the <see cref="BinXmlToken"/> in the low bits, and the "more bits" flag.</summary>
internal static class BinXmlTokenByte
{
    /// <summary>On an element start: an attribute list follows; on an attribute or value part: another one follows.</summary>
    public const byte MoreBits = 0x40;

    public static BinXmlToken Kind(byte stored) => (BinXmlToken)(stored & ~MoreBits);

    public static bool HasMoreBits(byte stored) => (stored & MoreBits) != 0;

    public static byte Encode(BinXmlToken token, bool moreBits = false) => (byte)((byte)token | (moreBits ? MoreBits : 0));
}
