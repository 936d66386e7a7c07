namespace Diagnose.Clock;

/// <summary>Where a node's time zone came from, from the most to the least certain.</summary>
internal enum TimeSource
{
    /// <summary>The format records UTC (EVTX, EVT, XML, Get-WinEvent JSON, traces).</summary>
    Log,

    /// <summary>A zone-less input (CSV, pasted text) whose offset <c>--utc-offset</c> gave.</summary>
    Given,

    /// <summary>A zone-less input with no offset given: its wall-clock times are taken as UTC.</summary>
    Assumed,
}
