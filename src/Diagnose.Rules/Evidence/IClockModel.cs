namespace Diagnose.Rules.Evidence;

/// <summary>
/// What is known of each node's clock when facts from several nodes are compared: supplied by the caller (the
/// engine knows nothing of how it was measured). Nodes are the values of the facts' <c>node</c> field.
/// </summary>
public interface IClockModel
{
    /// <summary>The node's clock, or null when nothing pairs it with the other nodes' clocks.</summary>
    NodeClock? Of(string node);
}
