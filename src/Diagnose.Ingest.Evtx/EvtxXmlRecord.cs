using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx;

/// <summary>A record read from an EVTX file together with its event XML and the XML EventRecordID.</summary>
/// <param name="Record">The record as <see cref="EvtxReader.Read"/> yields it.</param>
/// <param name="Xml">The event XML as Windows renders it (without indentation).</param>
/// <param name="EventRecordId">System/EventRecordID from the XML; differs from RecordNumber in filtered exports.</param>
public sealed record EvtxXmlRecord(EventRecord Record, string Xml, ulong? EventRecordId);
