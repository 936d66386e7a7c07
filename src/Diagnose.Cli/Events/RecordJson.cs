using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Diagnose.Core.Records;
using Diagnose.Core.Time;

namespace Diagnose.Cli.Events;

/// <summary>One record as one line of JSON with every <see cref="EventRecord"/> field (JSON lines).</summary>
internal sealed class RecordJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public string Render(EventRecord r)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("source", r.Origin.Source);
            Number(w, "offset", r.Origin.Offset);
            Number(w, "line", r.Origin.Line);
            Number(w, "recordNumber", r.RecordNumber);
            w.WriteString("provider", r.Provider);
            if (r.ProviderGuid is { } g)
            {
                w.WriteString("providerGuid", g.ToString("D"));
            }
            else
            {
                w.WriteNull("providerGuid");
            }

            w.WriteNumber("eventId", r.EventId);
            w.WriteNumber("qualifiers", r.Qualifiers);
            Number(w, "version", r.Version);
            w.WriteNumber("level", r.Level);
            Number(w, "task", r.Task);
            Number(w, "opcode", r.Opcode);
            if (r.Keywords is { } k)
            {
                w.WriteString("keywords", "0x" + k.ToString("x16", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull("keywords");
            }

            w.WriteString("timeUtc", (r.TimeUtc is { } time ? IsoTime.Format(time, IsoPrecision.Ticks) : null));
            w.WriteString("channel", r.Channel);
            w.WriteString("computer", r.Computer);
            w.WriteString("userSid", r.UserSid);
            Number(w, "processId", r.ProcessId);
            Number(w, "threadId", r.ThreadId);
            w.WriteStartArray("data");
            foreach (var d in r.Data)
            {
                w.WriteStartObject();
                w.WriteString("name", d.Name);
                w.WriteString("value", d.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("message", r.Message);
            w.WriteBoolean("recovered", r.Recovered);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
