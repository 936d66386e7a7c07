using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>Seeded, realistic cluster-log records for writer round trips: every field the writers carry varies.</summary>
internal static class TestRecords
{
    private static readonly string[] Providers = ["ClusSvc", "ESENT", "MSExchangeDS", "Microsoft-Windows-FailoverClustering", "Service Control Manager", "DhcpServer"];
    private static readonly string[] Texts = ["Microsoft Exchange Directory", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS", "wins", "-530", "C:\\WINNT\\system32\\wins\\wins.mdb", "a < b & c > \"d\" 'e'", "Zürich ünïcödé 日本語", "", "  spaced  ", "line"];

    public static List<EventRecord> Make(int count, int seed, bool evtOnly = false)
    {
        var random = new Random(seed);
        var time = new DateTime(2003, 11, 7, 22, 0, 5, DateTimeKind.Utc).AddTicks(1234567);
        var list = new List<EventRecord>(count);
        for (var i = 0; i < count; i++)
        {
            time = time.AddTicks(evtOnly ? TimeSpan.TicksPerSecond * random.Next(0, 90) : random.NextInt64(1, 900_000_000));
            var data = new List<EventDataItem>();
            var named = !evtOnly && random.Next(3) > 0;
            for (var d = random.Next(0, 6); d > 0; d--)
            {
                data.Add(new EventDataItem(named ? $"Param{d}" : null, Texts[random.Next(Texts.Length)] + (random.Next(4) == 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")));
            }

            var level = evtOnly ? new[] { 0, 2, 3, 4 }[random.Next(4)] : random.Next(0, 6);
            list.Add(new EventRecord
            {
                Provider = Providers[random.Next(Providers.Length)],
                ProviderGuid = !evtOnly && random.Next(2) == 0 ? new Guid(random.Next(), (short)random.Next(), (short)random.Next(), 1, 2, 3, 4, 5, 6, 7, 8) : null,
                EventId = random.Next(0, 65536),
                Qualifiers = random.Next(3) == 0 ? 0 : new[] { 0x8000, 0xC000, 0x4000 }[random.Next(3)],
                Version = evtOnly || random.Next(2) == 0 ? null : random.Next(0, 3),
                Level = level,
                Task = random.Next(3) == 0 ? null : random.Next(0, 200),
                Opcode = evtOnly || random.Next(2) == 0 ? null : random.Next(0, 20),
                Keywords = evtOnly || random.Next(2) == 0 ? null : 0x8080000000000000UL | (uint)random.Next(),
                TimeUtc = time,
                RecordNumber = 1000 + i,
                Channel = evtOnly ? null : random.Next(2) == 0 ? "System" : "Application",
                Computer = random.Next(2) == 0 ? "NODEA" : "nodeb.corp.contoso.com",
                UserSid = random.Next(3) == 0 ? null : random.Next(2) == 0 ? "S-1-5-18" : $"S-1-5-21-{random.Next()}-{random.Next()}-500",
                ProcessId = evtOnly || random.Next(3) == 0 ? null : random.Next(4, 9000),
                ThreadId = evtOnly || random.Next(3) == 0 ? null : random.Next(4, 9000),
                Data = data,
                Origin = new RecordOrigin("generated"),
            });
        }

        return list;
    }

    /// <summary>The record without what no log file stores (origin, recovered flag), for comparisons.</summary>
    public static EventRecord Comparable(EventRecord r) => r with { Origin = new RecordOrigin("x"), Recovered = false, Data = [.. r.Data] };

    public static string Describe(EventRecord r) =>
        $"{r.RecordNumber} {r.Provider} {r.ProviderGuid} {r.EventId} q{r.Qualifiers} v{r.Version} l{r.Level} t{r.Task} o{r.Opcode} k{r.Keywords} {r.TimeUtc:O} {r.Channel} {r.Computer} {r.UserSid} {r.ProcessId}/{r.ThreadId} [{string.Join(" | ", r.Data.Select(d => $"{d.Name}={d.Value}"))}] {r.Message}";
}
