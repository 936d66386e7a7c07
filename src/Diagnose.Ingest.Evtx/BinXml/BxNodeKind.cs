namespace Diagnose.Ingest.Evtx.BinXml;

internal enum BxNodeKind : byte
{
    Element,
    Attribute,
    Text,
    Substitution,
    CharRef,
    EntityRef,
    CData,
    ProcessingInstruction,

    /// <summary>A template instance met outside a cached template (e.g. inside a nested BinXML value).</summary>
    Instance,
}
