using System.Text;
using Diagnose.Core.Records;
using Diagnose.Core.Time;
using Newtonsoft.Json;

namespace Diagnose.Simulation.Output;

/// <summary>
/// Writes a node's log as <c>Get-WinEvent … | ConvertTo-Json -Depth 4</c> writes it: an array of event objects with
/// the EventLogRecord property names, each insertion string as a <c>Properties</c> entry <c>{"Value": …}</c>.
/// </summary>
public sealed class GetWinEventJsonLogWriter : ISimulatedLogWriter
{
    /// <summary>".json".</summary>
    public string Extension => ".json";

    /// <summary>Writes <paramref name="records"/> as one JSON array (UTF-8 without a byte-order mark), leaving <paramref name="stream"/> open.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="records"/> is null.</exception>
    public void Write(Stream stream, IEnumerable<EventRecord> records)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: true);
        using var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartArray();
        foreach (var record in records)
        {
            WriteRecord(json, record);
        }

        json.WriteEndArray();
    }

    private static void WriteRecord(JsonTextWriter json, EventRecord record)
    {
        json.WriteStartObject();
        Property(json, "Id", record.EventId);
        Property(json, "Version", record.Version);
        Property(json, "Qualifiers", record.Qualifiers);
        Property(json, "Level", record.Level);
        Property(json, "Task", record.Task);
        Property(json, "Opcode", record.Opcode);

        // PowerShell writes the 64-bit keyword mask as a signed long.
        Property(json, "Keywords", record.Keywords is { } keywords ? unchecked((long)keywords) : null);
        Property(json, "RecordId", record.RecordNumber);
        Property(json, "ProviderName", record.Provider);
        Property(json, "ProviderId", record.ProviderGuid?.ToString("D"));
        Property(json, "LogName", record.Channel);
        Property(json, "ProcessId", record.ProcessId);
        Property(json, "ThreadId", record.ThreadId);
        Property(json, "MachineName", record.Computer);
        json.WritePropertyName("UserId");
        if (record.UserSid is { } sid)
        {
            json.WriteStartObject();
            Property(json, "Value", sid);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }

        // ISO-8601 in UTC with 100 ns digits (PowerShell 7's form); /Date(ms)/ would drop the EVTX precision.
        Property(json, "TimeCreated", record.TimeUtc is { } time ? IsoTime.Format(time, IsoPrecision.Ticks) : null);
        json.WritePropertyName("Properties");
        json.WriteStartArray();
        foreach (var item in record.Data)
        {
            json.WriteStartObject();
            Property(json, "Value", item.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Property(json, "Message", record.Message);
        json.WriteEndObject();
    }

    private static void Property(JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
