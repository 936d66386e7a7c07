namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>A template definition decoded once per chunk: its identifier and root nodes.</summary>
internal sealed class BxTemplate(int offset, Guid id, BxNode[] roots)
{
    public int Offset { get; } = offset;

    public Guid Id { get; } = id;

    public BxNode[] Roots { get; } = roots;
}
