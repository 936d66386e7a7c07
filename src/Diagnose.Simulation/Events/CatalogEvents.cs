using System.Globalization;
using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Events;

/// <summary>
/// The events the simulated components log, each written from its entry in the event catalog
/// (<c>rules/facts/*.events.json</c>): provider, event ID, log, level, qualifiers and message come from the entry,
/// only the insertion strings from the simulated state. A catalog without an entry the simulator needs is a
/// <see cref="SimulationException"/> naming it, raised when the event is logged.
/// </summary>
public sealed class CatalogEvents
{
    public CatalogEvents(EventCatalog catalog) => Catalog = catalog;

    public EventCatalog Catalog { get; }

    /// <summary>The event of that catalog name with these insertion strings, its message rendered from the catalog's template.</summary>
    public EventTemplate Write(string name, params string[] data)
    {
        var entry = Catalog.Find(name) ?? throw new SimulationException($"the event catalog has no event '{name}', which the simulator logs (add it to a *.events.json file)");
        // Insertion strings beyond the message's placeholders are not written: an event whose text has no place for a value carries none.
        data = data.Length > entry.Message.PlaceholderCount ? data[..entry.Message.PlaceholderCount] : data;
        return new EventTemplate(entry.Channel, entry.Provider, entry.EventId, entry.Qualifiers, entry.Level, data, entry.RenderMessage(data));
    }

    public EventTemplate EventLogStarted() => Write("eventlog.service-started");

    public EventTemplate EventLogStopped() => Write("eventlog.service-stopped");

    public EventTemplate UnexpectedShutdown(DateTime when) =>
        Write("eventlog.unexpected-shutdown", when.ToString("h:mm:ss tt", CultureInfo.InvariantCulture), when.ToString("M/d/yyyy", CultureInfo.InvariantCulture));

    public EventTemplate OsBanner(string version, string build, string servicePack) => Write("eventlog.os-version", version, build, servicePack, "Uniprocessor Free");

    public EventTemplate ServiceState(string service, bool running) => Write("scm.service-state", service, running ? "running" : "stopped");

    public EventTemplate ClusterFormed() => Write("clussvc.cluster-formed");

    public EventTemplate ClusterJoined(string cluster) => Write("clussvc.cluster-joined", cluster);

    public EventTemplate NodeUp(string other) => Write("clussvc.node-up", other, "Private");

    public EventTemplate NodeDown(string other) => Write("clussvc.node-down", other, "Private");

    public EventTemplate FatalError(int error) => Write("clussvc.fatal-error", "1213", "d:\\nt\\private\\cluster\\service\\init\\service.c", Number(error));

    public EventTemplate CouldNotJoinOrForm() => Write("clussvc.could-not-join-or-form");

    public EventTemplate GroupOnlining(string group) => Write("clussvc.group-onlining", group);

    public EventTemplate GroupOnline(string group) => Write("clussvc.group-online", group);

    public EventTemplate GroupOfflining(string group) => Write("clussvc.group-offlining", group);

    public EventTemplate GroupOffline(string group) => Write("clussvc.group-offline", group);

    public EventTemplate GroupOnlineFailed(string group) => Write("clussvc.group-online-failed", group);

    public EventTemplate ResourceFailed(string resource) => Write("clussvc.resource-failed", resource);

    public EventTemplate GenericServiceFailed(string resource) => Write("clussvc.generic-service-failed", resource);

    public EventTemplate CheckpointNotRestored(string resource, string key) => Write("clussvc.checkpoint-not-restored", resource, key);

    public EventTemplate NtfsCorrupt(string volume) => Write("ntfs.structure-corrupt", volume);

    public EventTemplate JetStarted(string instance, int pid) => Write("esent.engine-started", instance, Number(pid), "5.02.3790.0000");

    public EventTemplate JetStopped(string instance, int pid) => Write("esent.engine-stopped", instance, Number(pid));

    // The conversion the simulator models is the article's: from Windows 2000 SP4 (5.0.2195) to Windows Server 2003 (5.2.3790).
    public EventTemplate JetIndexCleanup(string instance, int pid, string database) =>
        Write("esent.index-cleanup", instance, Number(pid), database, "5", "0", "2195", "4", "5", "2", "3790", "0");

    public EventTemplate JetLogUnreadable(string instance, int pid) => Write("esent.log-unreadable", instance, Number(pid), "-530");

    /// <summary>A JET-backed service's own failure event (its resource names it), given the engine's error where its message has a place for it.</summary>
    public EventTemplate JetServiceFailed(string name) => Write(name, "-530");

    /// <summary>The database engine replays a restored service's logs (the restore marker was found); the service named by the resource's data.</summary>
    public EventTemplate RestoreReplay(string service) => Write("edb.restore-replay", service);

    /// <summary>
    /// The cluster service's name, for the Services tool and start types: the source its own events are logged under
    /// (the catalog's entry for forming a cluster), so the name is the catalog's, not the simulator's.
    /// </summary>
    public string ClusterServiceName => (Catalog.Find("clussvc.cluster-formed") ?? throw new SimulationException("the event catalog has no event 'clussvc.cluster-formed', whose source names the cluster service")).Provider;

    public EventTemplate BackupStarted(string what, bool startServices) => Write("backupexec.restore-started", what, startServices ? "Yes" : "No");

    public EventTemplate BackupCompleted(string what) => Write("backupexec.restore-completed", what);

    public EventTemplate DiskNearlyFull() => Write("srv.disk-nearly-full", "\\Device\\Harddisk0\\Partition1", "C:");

    public EventTemplate BrowserElection() => Write("browser.forced-election", "\\Device\\NetBT_E100B1");

    public EventTemplate TimeSynchronised(string source) => Write("w32time.synchronizing", source);

    public EventTemplate NetlogonNoDc(string domain) => Write("netlogon.no-domain-controller", domain);

    public EventTemplate PolicyApplied() => Write("scecli.policy-applied");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
