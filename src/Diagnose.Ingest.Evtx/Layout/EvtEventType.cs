namespace Diagnose.Ingest.Evtx.Layout;

/// <summary>The EventType of an EVENTLOGRECORD (winnt.h, EVENTLOG_*_TYPE).</summary>
internal enum EvtEventType : ushort
{
    Success = 0x0000,
    Error = 0x0001,
    Warning = 0x0002,
    Information = 0x0004,
    AuditSuccess = 0x0008,
    AuditFailure = 0x0010,
}
