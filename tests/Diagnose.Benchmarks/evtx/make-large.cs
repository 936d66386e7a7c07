#:project ../../../src/Diagnose.Ingest.Evtx/Diagnose.Ingest.Evtx.csproj
#:property TreatWarningsAsErrors=false

// Builds a large .evtx with Diagnose's EvtxWriter from the records of the public samples, repeated with new
// record numbers and times shifted by a day per pass, until the file reaches the requested size.
//   dotnet run make-large.cs -- OUT.evtx SIZE_MB SAMPLES_DIR
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx;

var output = args[0];
var targetBytes = long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) * 1_000_000;
var samples = Directory.GetFiles(args[2], "*.evtx").Order(StringComparer.Ordinal)
    .SelectMany(f => new EvtxReader().Read(File.OpenRead(f), f, new InputSummary(f)).Where(r => !r.Recovered).ToList())
    .ToList();

using var file = File.Create(output);

// The writer flushes each full chunk to the file, so its length tells when the target is reached.
IEnumerable<EventRecord> Records()
{
    long number = 0;
    for (var pass = 0; ; pass++)
    {
        foreach (var r in samples)
        {
            if (file.Length >= targetBytes)
            {
                yield break;
            }

            number++;
            yield return r with { RecordNumber = number, TimeUtc = r.TimeUtc?.AddDays(pass) };
        }
    }
}

var written = EvtxWriter.Write(file, Records());
Console.WriteLine($"{output}: {written} records, {file.Length} bytes");
