using System.Diagnostics.Tracing;
using Diagnose.Core.Diagnostics;
using Diagnose.TraceEmitter;

// Usage: Diagnose.TraceEmitter sample|incident|articles|esent-upgraded|esent-unreadable
// Waits until a trace session enables its providers, writes the events of the mode, prints "done",
// then waits for standard input to close so the recorder can stop its session first.
var mode = args.Length == 1 ? args[0] : "";
EventSource[] sources = mode switch
{
    "sample" => [SampleEventSource.Log, DiagnoseEventSource.Log],
    "incident" => [ExchangeDirectoryEventSource.Log, ClusSvcEventSource.Log],
    "articles" => [EsentEventSource.Log, ExchangeDirectoryEventSource.Log, ClusSvcEventSource.Log],
    "esent-upgraded" or "esent-unreadable" => [EsentEventSource.Log],
    _ => [],
};

if (sources.Length == 0)
{
    Console.Error.WriteLine("usage: Diagnose.TraceEmitter sample|incident|articles|esent-upgraded|esent-unreadable");
    return 1;
}

// Never outlive a test that failed to close our input.
_ = new Timer(_ => Environment.Exit(3), null, TimeSpan.FromSeconds(60), Timeout.InfiniteTimeSpan);
Console.WriteLine("ready");

var waited = 0;
while (!sources.All(s => s.IsEnabled()))
{
    if (waited++ > 2000)
    {
        Console.WriteLine("not enabled: " + string.Join("; ", sources.Where(s => !s.IsEnabled()).Select(s => $"{s.Name} {s.ConstructionException?.Message}")));
        return 2;
    }

    Thread.Sleep(5);
}

switch (mode)
{
    case "sample":
        for (var i = 1; i <= Emitted.SampleCount; i++)
        {
            SampleEventSource.Log.Text(Emitted.Message(i), i);
            SampleEventSource.Log.Numbers(Emitted.Big(i), Emitted.Ratio(i), Emitted.Flag(i), i);
            SampleEventSource.Log.Identity(Emitted.Id(i), i);
        }

        DiagnoseEventSource.Log.InputStarted("EXNODEA_System.json");
        DiagnoseEventSource.Log.InputFinished("EXNODEA_System.json", "json", 26, 0, 1, 2, false);
        DiagnoseEventSource.Log.RuleFired("Q188674.restore-marker-overwritten", 2);
        DiagnoseEventSource.Log.Diagnosis("Q188674.restore-marker-overwritten", "Q188674", 0.9, "EXNODEA", "start-service-before-online", "not-validated");
        DiagnoseEventSource.Log.ValidationVerdict("Q188674.restore-marker-overwritten", "start-service-before-online", "validated", 12, "all fault schedules held");
        DiagnoseEventSource.Log.AnalysisFinished(3, 1, 1, 0);
        break;
    case "esent-upgraded":
        // KB293302 on the Windows Server 2003 node: its engine upgrades the shared WINS database.
        EsentEventSource.Log.DatabaseUpgraded("wins", 3432, @"Q:\wins\wins.mdb");
        break;
    case "esent-unreadable":
        // KB293302 on the Windows 2000 node: its older engine cannot read the upgraded log header.
        EsentEventSource.Log.LogHeaderUnreadable("wins", 1044, -530);
        break;
    case "articles":
        EsentEventSource.Log.DatabaseUpgraded("wins", 3432, @"Q:\wins\wins.mdb");
        EsentEventSource.Log.LogHeaderUnreadable("wins", 1044, -530);
        goto case "incident";
    case "incident":
        // Q188674: the directory fails with -528, the cluster resource fails, and a later online logs a 1024
        // (no Service Control Manager events here, so nothing shows the directory was started outside the cluster).
        ExchangeDirectoryEventSource.Log.InitFailed(-528);
        ClusSvcEventSource.Log.GenericServiceFailed("Microsoft Exchange Directory");
        ClusSvcEventSource.Log.CheckpointNotRestored("Microsoft Exchange Directory", @"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\MSExchangeDS");
        break;
}

Console.WriteLine("done");
Console.In.ReadToEnd();
return 0;
