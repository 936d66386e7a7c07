namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>
/// The substitution values of one template instance: where each value lies in the chunk buffer, its size and
/// type. The reader reuses one instance for the top-level template of every record to avoid allocations.
/// </summary>
internal sealed class ValueSet
{
    private BxNode[]?[]? _nested;

    public byte[] Buffer = [];
    public int Count;
    public int[] Offsets = new int[32];
    public int[] Sizes = new int[32];
    public byte[] Types = new byte[32];

    public void Reset(byte[] buffer, int count)
    {
        Buffer = buffer;
        Count = count;
        if (Offsets.Length < count)
        {
            var n = Math.Max(count, Offsets.Length * 2);
            Offsets = new int[n];
            Sizes = new int[n];
            Types = new byte[n];
        }

        if (_nested is not null)
        {
            Array.Clear(_nested);
        }
    }

    public bool Has(int index) => (uint)index < (uint)Count;

    /// <summary>Value type actually stored, or the null type when the index is out of range.</summary>
    public BinXmlValueType TypeOf(int index) => Has(index) ? (BinXmlValueType)Types[index] : BinXmlValueType.Null;

    public ReadOnlySpan<byte> Data(int index) =>
        Has(index) ? new ReadOnlySpan<byte>(Buffer, Offsets[index], Sizes[index]) : default;

    public BxNode[]? GetNested(int index) => _nested is not null && Has(index) && index < _nested.Length ? _nested[index] : null;

    public void SetNested(int index, BxNode[] nodes)
    {
        if (!Has(index))
        {
            return;
        }

        if (_nested is null || _nested.Length < Count)
        {
            var grown = new BxNode[]?[Math.Max(Count, Offsets.Length)];
            _nested?.CopyTo(grown, 0);
            _nested = grown;
        }

        _nested[index] = nodes;
    }
}
