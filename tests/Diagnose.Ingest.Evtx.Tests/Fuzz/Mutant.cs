namespace Diagnose.Ingest.Evtx.Tests.Fuzz;

/// <summary>A mutated copy of a fuzz base: its bytes, what was done (to reproduce a failure) and which chunks it touched.</summary>
internal sealed class Mutant(byte[] data, string description, HashSet<int> touched, int? cut)
{
    public byte[] Data { get; } = data;

    public string Description { get; } = description;

    /// <summary>Chunks any fault wrote into (or, for a changed file signature, the first chunk, which then decides whether to go on).</summary>
    public HashSet<int> Touched { get; } = touched;

    /// <summary>Where the file was cut, if it was.</summary>
    public int? Cut { get; } = cut;
}
