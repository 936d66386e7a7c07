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
    /// <summary>Writes events from <paramref name="catalog"/>; entries are looked up only when an event is logged.</summary>
    public CatalogEvents(EventCatalog catalog) => Catalog = catalog;

    /// <summary>The catalog every event is written from.</summary>
    public EventCatalog Catalog { get; }

    /// <summary>The event of that catalog name with these insertion strings, its message rendered from the catalog's template.</summary>
    public EventTemplate Write(string name, params string[] data)
    {
        var entry = Catalog.Find(name) ?? throw new SimulationException($"the event catalog has no event '{name}', which the simulator logs (add it to a *.events.json file)");
        // Insertion strings beyond the message's placeholders are not written: an event whose text has no place for a value carries none.
        data = data.Length > entry.Message.PlaceholderCount ? data[..entry.Message.PlaceholderCount] : data;
        return new EventTemplate(entry.Channel, entry.Provider, entry.EventId, entry.Qualifiers, entry.Level, data, entry.RenderMessage(data));
    }

    /// <summary>The Event Log service started: the first event of each boot.</summary>
    public EventTemplate EventLogStarted() => Write("eventlog.service-started");

    /// <summary>The Event Log service stopped: the last event of a clean shutdown.</summary>
    public EventTemplate EventLogStopped() => Write("eventlog.service-stopped");

    /// <summary>The previous shutdown, at <paramref name="when"/> (written as time and date), was unexpected: logged at boot after a power loss.</summary>
    public EventTemplate UnexpectedShutdown(DateTime when) =>
        Write("eventlog.unexpected-shutdown", when.ToString("h:mm:ss tt", CultureInfo.InvariantCulture), when.ToString("M/d/yyyy", CultureInfo.InvariantCulture));

    /// <summary>The operating system's version banner logged at boot (version, build, service pack).</summary>
    public EventTemplate OsBanner(string version, string build, string servicePack) => Write("eventlog.os-version", version, build, servicePack, "Uniprocessor Free");

    /// <summary>The Service Control Manager reports that <paramref name="service"/> (its display name) entered the running or stopped state.</summary>
    public EventTemplate ServiceState(string service, bool running) => Write("scm.service-state", service, running ? "running" : "stopped");

    /// <summary>The cluster service formed a cluster on this node.</summary>
    public EventTemplate ClusterFormed() => Write("clussvc.cluster-formed");

    /// <summary>The cluster service joined the cluster named <paramref name="cluster"/>.</summary>
    public EventTemplate ClusterJoined(string cluster) => Write("clussvc.cluster-joined", cluster);

    /// <summary>This node (re)established communication with node <paramref name="other"/> on the private network.</summary>
    public EventTemplate NodeUp(string other) => Write("clussvc.node-up", other, "Private");

    /// <summary>This node lost communication with node <paramref name="other"/> on the private network.</summary>
    public EventTemplate NodeDown(string other) => Write("clussvc.node-down", other, "Private");

    /// <summary>The cluster service stopped on an unexpected fatal error; <paramref name="error"/> is the error code its message gives.</summary>
    public EventTemplate FatalError(int error) => Write("clussvc.fatal-error", "1213", "d:\\nt\\private\\cluster\\service\\init\\service.c", Number(error));

    /// <summary>The cluster service could neither join nor form a cluster and terminated.</summary>
    public EventTemplate CouldNotJoinOrForm() => Write("clussvc.could-not-join-or-form");

    /// <summary>The cluster service is bringing <paramref name="group"/> online.</summary>
    public EventTemplate GroupOnlining(string group) => Write("clussvc.group-onlining", group);

    /// <summary>The cluster service brought <paramref name="group"/> online.</summary>
    public EventTemplate GroupOnline(string group) => Write("clussvc.group-online", group);

    /// <summary>The cluster service is taking <paramref name="group"/> offline.</summary>
    public EventTemplate GroupOfflining(string group) => Write("clussvc.group-offlining", group);

    /// <summary>The cluster service took <paramref name="group"/> offline.</summary>
    public EventTemplate GroupOffline(string group) => Write("clussvc.group-offline", group);

    /// <summary>The cluster service failed to bring <paramref name="group"/> completely online or offline.</summary>
    public EventTemplate GroupOnlineFailed(string group) => Write("clussvc.group-online-failed", group);

    /// <summary>The cluster resource <paramref name="resource"/> failed.</summary>
    public EventTemplate ResourceFailed(string resource) => Write("clussvc.resource-failed", resource);

    /// <summary>The generic-service resource <paramref name="resource"/> failed.</summary>
    public EventTemplate GenericServiceFailed(string resource) => Write("clussvc.generic-service-failed", resource);

    /// <summary>The registry checkpoint of <paramref name="resource"/> could not be restored to registry key <paramref name="key"/>.</summary>
    public EventTemplate CheckpointNotRestored(string resource, string key) => Write("clussvc.checkpoint-not-restored", resource, key);

    /// <summary>NTFS found the file system structure on <paramref name="volume"/> corrupt and unusable.</summary>
    public EventTemplate NtfsCorrupt(string volume) => Write("ntfs.structure-corrupt", volume);

    /// <summary>The JET instance <paramref name="instance"/> (in process <paramref name="pid"/>) started its database engine.</summary>
    public EventTemplate JetStarted(string instance, int pid) => Write("esent.engine-started", instance, Number(pid), "5.02.3790.0000");

    /// <summary>The JET instance <paramref name="instance"/> (in process <paramref name="pid"/>) stopped its database engine.</summary>
    public EventTemplate JetStopped(string instance, int pid) => Write("esent.engine-stopped", instance, Number(pid));

    // The conversion the simulator models is the article's: from Windows 2000 SP4 (5.0.2195) to Windows Server 2003 (5.2.3790).
    /// <summary>The JET instance starts index cleanup of <paramref name="database"/> because Windows was upgraded.</summary>
    public EventTemplate JetIndexCleanup(string instance, int pid, string database) =>
        Write("esent.index-cleanup", instance, Number(pid), database, "5", "0", "2195", "4", "5", "2", "3790", "0");

    /// <summary>The JET instance cannot read its log header (error -530).</summary>
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

    /// <summary>The backup program started restoring <paramref name="what"/>, starting the services after the restore or not.</summary>
    public EventTemplate BackupStarted(string what, bool startServices) => Write("backupexec.restore-started", what, startServices ? "Yes" : "No");

    /// <summary>The backup program finished restoring <paramref name="what"/>.</summary>
    public EventTemplate BackupCompleted(string what) => Write("backupexec.restore-completed", what);

    /// <summary>The system disk is at or near capacity: background noise of a real log.</summary>
    public EventTemplate DiskNearlyFull() => Write("srv.disk-nearly-full", "\\Device\\Harddisk0\\Partition1", "C:");

    /// <summary>The browser forced an election on the network: background noise of a real log.</summary>
    public EventTemplate BrowserElection() => Write("browser.forced-election", "\\Device\\NetBT_E100B1");

    /// <summary>The time service synchronises with <paramref name="source"/>: background noise of a real log.</summary>
    public EventTemplate TimeSynchronised(string source) => Write("w32time.synchronizing", source);

    /// <summary>No domain controller is available for <paramref name="domain"/>: background noise of a real log.</summary>
    public EventTemplate NetlogonNoDc(string domain) => Write("netlogon.no-domain-controller", domain);

    /// <summary>Group Policy security settings were applied: background noise of a real log.</summary>
    public EventTemplate PolicyApplied() => Write("scecli.policy-applied");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
