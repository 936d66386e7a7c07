namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>
/// The binary XML tokens of an EVTX record ([MS-EVEN6] 2.2.12, "BinXml"), without the "more bits" flag
/// (<see cref="BinXmlTokenByte.MoreBits"/>), which some tokens carry to say that attributes or further parts follow.
/// Shared by the reader (<see cref="BinXmlParser"/>) and the writer (<c>Writing/ChunkBuilder</c>).
/// </summary>
internal enum BinXmlToken : byte
{
    EndOfStream = 0x00,
    OpenStartElement = 0x01,
    CloseStartElement = 0x02,
    CloseEmptyElement = 0x03,
    EndElement = 0x04,
    Value = 0x05,
    Attribute = 0x06,
    CDataSection = 0x07,
    CharRef = 0x08,
    EntityRef = 0x09,
    PITarget = 0x0A,
    PIData = 0x0B,
    TemplateInstance = 0x0C,
    NormalSubstitution = 0x0D,
    OptionalSubstitution = 0x0E,
    FragmentHeader = 0x0F,
}
