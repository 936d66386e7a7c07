using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.Writing;

namespace Diagnose.Simulation.Output;

/// <summary>Writes a node's log as Event Viewer XML, through the product's one event-XML writer (<see cref="EventXmlWriter.WriteLog"/>).</summary>
public sealed class XmlLogWriter : ISimulatedLogWriter
{
    /// <summary>".xml".</summary>
    public string Extension => ".xml";

    /// <summary>Writes <paramref name="records"/> as one Event Viewer XML log.</summary>
    public void Write(Stream stream, IEnumerable<EventRecord> records) => EventXmlWriter.WriteLog(stream, records);
}
