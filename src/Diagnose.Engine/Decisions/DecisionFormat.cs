namespace Diagnose.Decisions;

/// <summary>The log formats a decision-table case's events are written in, each analysed on its own.</summary>
public enum DecisionFormat
{
    /// <summary>Binary Windows event log, through the EVTX writer.</summary>
    Evtx,

    /// <summary>Event Viewer XML (<c>wevtutil qe /f:xml</c>), with the rendered message.</summary>
    EventViewerXml,

    /// <summary><c>Get-WinEvent | ConvertTo-Json -Depth 4</c>, with the rendered message.</summary>
    GetWinEventJson,
}
