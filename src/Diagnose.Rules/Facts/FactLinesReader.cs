using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Diagnose.Rules.Facts;

/// <summary>
/// Streams plain facts from JSON lines: one object per line with a <c>type</c> naming the fact type and
/// its fields by name (<c>{"type": "event", "node": "n1", "time": 1700000000}</c>). A time is an ISO-8601
/// string or a number of Unix seconds. A bad line is reported with its line, column and what was
/// expected, and skipped; the rest are still read.
/// Uses System.Text.Json's Utf8JsonReader on the raw bytes rather than Newtonsoft: this is the hot path
/// of a million-fact run, and it avoids decoding every line to UTF-16 and building token objects.
/// </summary>
public sealed class FactLinesReader
{
    private static readonly byte[] TypeKey = "type"u8.ToArray();
    private readonly (byte[] Name, FactSchema Schema, (byte[] Name, FactField Field)[] Fields)[] _schemas;

    /// <summary>A reader for lines whose <c>type</c> is one of <paramref name="schemas"/>.</summary>
    public FactLinesReader(FactSchemaSet schemas)
    {
        _schemas = [.. schemas.All.Select(s => (Encoding.UTF8.GetBytes(s.Name), s, s.Fields.Select(f => (Encoding.UTF8.GetBytes(f.Name), f)).ToArray()))];
    }

    /// <summary>Every line that could not be read, with its position, across all reads so far.</summary>
    public List<FactProblem> Problems { get; } = [];

    /// <summary>Lines that held a fact but could not be read (each has a problem).</summary>
    public long Skipped { get; private set; }

    /// <summary>Streams the facts of a JSON-lines file as it reads it; each fact's origin names the file and line.</summary>
    /// <exception cref="IOException">The file cannot be opened or read (thrown when enumeration starts).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read (thrown when enumeration starts).</exception>
    public IEnumerable<Fact> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (var fact in Read(stream, path))
        {
            yield return fact;
        }
    }

    /// <summary>Streams the facts of JSON lines from a stream; bad lines are added to <see cref="Problems"/> and skipped.</summary>
    /// <param name="stream">UTF-8 JSON lines; read to its end, not closed.</param>
    /// <param name="source">The name problems and origins give for the stream (a file path, or e.g. "stdin").</param>
    public IEnumerable<Fact> Read(Stream stream, string source)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int start = 0, end = 0;
            long line = 0;
            while (true)
            {
                var read = stream.Read(buffer, end, buffer.Length - end);
                end += read;
                var eof = read == 0;
                while (true)
                {
                    var nl = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                    if (nl < 0 && !(eof && start < end))
                    {
                        break;
                    }

                    var stop = nl < 0 ? end : nl;
                    line++;
                    var fact = Parse(buffer.AsSpan(start, stop - start), source, line);
                    start = nl < 0 ? end : nl + 1;
                    if (fact is not null)
                    {
                        yield return fact;
                    }
                }

                if (eof)
                {
                    break;
                }

                // Keep the partial line at the front; grow the buffer for a line longer than it.
                if (start == 0 && end == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Array.Copy(buffer, bigger, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                else
                {
                    Array.Copy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Fact? Parse(ReadOnlySpan<byte> line, string source, long number)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        if (line.Trim((byte)' ').IsEmpty)
        {
            return null;
        }

        try
        {
            // One pass when 'type' comes first (as writers usually put it); otherwise find it first.
            var reader = new Utf8JsonReader(line);
            (byte[], FactSchema, (byte[], FactField)[])? schema;
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read()
                && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(TypeKey))
            {
                reader.Read();
                schema = TypeOf(ref reader, source, number);
            }
            else
            {
                schema = FindType(line, source, number);
                reader = new Utf8JsonReader(line);
                reader.Read();
            }

            if (schema is null)
            {
                Skipped++;
                return null;
            }

            var (_, s, fields) = schema.Value;
            var values = new object?[s.Fields.Count];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = (int)reader.TokenStartIndex + 1;
                if (reader.ValueTextEquals(TypeKey))
                {
                    reader.Skip();
                    continue;
                }

                FactField? field = null;
                foreach (var (name, f) in fields)
                {
                    if (reader.ValueTextEquals(name))
                    {
                        field = f;
                        break;
                    }
                }

                if (field is null)
                {
                    return Bad(source, number, column, $"fact type '{s.Name}' has no field '{reader.GetString()}': its fields are {string.Join(", ", s.Fields.Select(x => x.Name))}");
                }

                reader.Read();
                if (!TryValue(ref reader, field.Type, out var value))
                {
                    return Bad(source, number, (int)reader.TokenStartIndex + 1, $"'{s.Name}.{field.Name}' must be {Expected(field.Type)}");
                }

                values[field.Index] = value;
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return Bad(source, number, (int)reader.TokenStartIndex + 1, "expected one JSON object on the line");
            }

            return new Fact(s, values, new FactLine(source, number));
        }
        catch (JsonException e)
        {
            // The reader's message ends with its own 0-based position; ours is in the problem already.
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return Bad(source, number, (int)(e.BytePositionInLine ?? 0) + 1, $"not valid JSON: {(cut > 0 ? message[..cut] : message)}");
        }
    }

    /// <summary>Finds the <c>type</c> of a line whose first property is not <c>type</c>, without building anything.</summary>
    private (byte[], FactSchema, (byte[], FactField)[])? FindType(ReadOnlySpan<byte> line, string source, long number)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            Problems.Add(new FactProblem(source, number, 1, "expected a JSON object with a 'type'"));
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(TypeKey))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            return TypeOf(ref reader, source, number);
        }

        Problems.Add(new FactProblem(source, number, 1, "the object has no 'type'"));
        return null;
    }

    /// <summary>The fact type named by the value the reader is on, or null with a problem.</summary>
    private (byte[], FactSchema, (byte[], FactField)[])? TypeOf(ref Utf8JsonReader reader, string source, long number)
    {
        var column = (int)reader.TokenStartIndex + 1;
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var entry in _schemas)
            {
                if (reader.ValueTextEquals(entry.Name))
                {
                    return entry;
                }
            }

            Problems.Add(new FactProblem(source, number, column, $"unknown fact type '{reader.GetString()}': known types are {string.Join(", ", _schemas.Select(x => x.Schema.Name).Order())}"));
            return null;
        }

        Problems.Add(new FactProblem(source, number, column, "'type' must be the name of a fact type (a string)"));
        return null;
    }

    private static bool TryValue(ref Utf8JsonReader reader, FieldType type, out object? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        switch (type)
        {
            case FieldType.String:
                value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    _ => null,
                };
                return value is not null;
            case FieldType.Integer when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var l):
                value = l;
                return true;
            case FieldType.Number when reader.TokenType == JsonTokenType.Number:
                value = reader.GetDouble();
                return true;
            case FieldType.Bool when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                value = reader.GetBoolean();
                return true;
            case FieldType.Time when reader.TokenType == JsonTokenType.Number:
                value = reader.TryGetInt64(out var seconds) ? DateTime.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond) : DateTime.UnixEpoch.AddSeconds(reader.GetDouble());
                return true;
            case FieldType.Time when reader.TokenType == JsonTokenType.String:
                if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
                {
                    value = t.UtcDateTime;
                    return true;
                }

                return false;
            case FieldType.Duration when reader.TokenType == JsonTokenType.Number:
                value = TimeSpan.FromSeconds(reader.GetDouble());
                return true;
            default:
                return false;
        }
    }

    private static string Expected(FieldType type) => type switch
    {
        FieldType.String => "a string",
        FieldType.Integer => "an integer",
        FieldType.Number => "a number",
        FieldType.Bool => "true or false",
        FieldType.Time => "a time: an ISO-8601 string or Unix seconds",
        FieldType.Duration => "a duration in seconds",
        _ => "a value",
    };

    private Fact? Bad(string source, long line, int column, string message)
    {
        Problems.Add(new FactProblem(source, line, column, message));
        Skipped++;
        return null;
    }
}
