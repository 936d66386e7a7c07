using System.Text;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Tests;

/// <summary>Runs readers over in-memory text or bytes and the files under Data/.</summary>
internal static class TestInput
{
    public const string Source = "ticket-4711/input";

    public static string DataPath(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static byte[] Bytes(string text, Encoding? encoding = null)
    {
        encoding ??= new UTF8Encoding(false);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    public static (List<EventRecord> Records, InputSummary Summary) Read(IEventReader reader, string text, Encoding? encoding = null) =>
        Read(reader, Bytes(text, encoding));

    public static (List<EventRecord> Records, InputSummary Summary) Read(IEventReader reader, byte[] bytes)
    {
        var summary = new InputSummary(Source);
        using var stream = new MemoryStream(bytes);
        var records = reader.Read(stream, new ReadContext(Source, summary)).ToList();
        return (records, summary);
    }

    public static (List<EventRecord> Records, InputSummary Summary) ReadFile(IEventReader reader, string name) =>
        Read(reader, File.ReadAllBytes(DataPath(name)));

    /// <summary>Through <see cref="LogIngester.ReadStream"/>, so format detection is part of the test.</summary>
    public static (List<EventRecord> Records, IngestSession Session) Ingest(byte[] bytes, string source = Source)
    {
        var session = new IngestSession();
        using var stream = new MemoryStream(bytes);
        var records = new LogIngester().ReadStream(stream, source, session).ToList();
        return (records, session);
    }

    public static DateTime Utc(int year, int month, int day, int hour, int minute, int second, long extraTicks = 0) =>
        new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(extraTicks);
}
