namespace Diagnose.Rules.Evidence;

/// <summary>No clock is measured against another: orders across nodes are taken as the logs read (rule examples, <c>rules run</c>).</summary>
internal sealed class UnmeasuredClocks : IClockModel
{
    public static UnmeasuredClocks Instance { get; } = new();

    private UnmeasuredClocks()
    {
    }

    public NodeClock? Of(string node) => null;
}
