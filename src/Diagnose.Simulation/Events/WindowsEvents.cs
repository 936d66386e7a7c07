namespace Diagnose.Simulation.Events;

/// <summary>
/// The events Windows, the cluster service, ESENT, WINS, DHCP and Exchange write for the state changes
/// the simulator models. Legacy sources carry their severity in the qualifiers (0xC000 error, 0x8000
/// warning, 0x4000 information); ESENT uses 0.
/// </summary>
public static class WindowsEvents
{
    private const int Error = 2;
    private const int Warning = 3;
    private const int Info = 4;
    private const int QError = 49152;
    private const int QWarning = 32768;
    private const int QInfo = 16384;

    public static EventTemplate EventLogStarted() => new("System", "EventLog", 6005, QWarning, Info, [], "The Event log service was started.");

    public static EventTemplate EventLogStopped() => new("System", "EventLog", 6006, QWarning, Info, [], "The Event log service was stopped.");

    public static EventTemplate UnexpectedShutdown(DateTime when) => new("System", "EventLog", 6008, QWarning, Error,
        [when.ToString("h:mm:ss tt", System.Globalization.CultureInfo.InvariantCulture), when.ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture)],
        $"The previous system shutdown at {when:h:mm:ss tt} on {when:M/d/yyyy} was unexpected.");

    public static EventTemplate OsBanner(string version, string build, string servicePack) => new("System", "EventLog", 6009, QWarning, Info,
        [version, build, servicePack, "Uniprocessor Free"], $"Microsoft (R) Windows {version} {build} {servicePack} Uniprocessor Free.");

    public static EventTemplate ServiceState(string service, bool running) => new("System", "Service Control Manager", 7036, QInfo, Info,
        [service, running ? "running" : "stopped"], $"The {service} service entered the {(running ? "running" : "stopped")} state.");

    public static EventTemplate ClusterFormed() => new("System", "ClusSvc", 1061, QInfo, Info, [], "Microsoft Cluster Server successfully formed a cluster on this node.");

    public static EventTemplate ClusterJoined(string cluster) => new("System", "ClusSvc", 1062, QInfo, Info, [cluster], $"Microsoft Cluster Server successfully joined the cluster {cluster}.");

    public static EventTemplate NodeUp(string other) => new("System", "ClusSvc", 1122, QInfo, Info, [other, "Private"], $"The node (re)established communication with cluster node '{other}' on network 'Private'.");

    public static EventTemplate NodeDown(string other) => new("System", "ClusSvc", 1123, QWarning, Warning, [other, "Private"], $"The node lost communication with cluster node '{other}' on network 'Private'.");

    public static EventTemplate FatalError(int error) => new("System", "ClusSvc", 1000, QError, Error,
        ["1213", "d:\\nt\\private\\cluster\\service\\init\\service.c", error.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        $"Microsoft Cluster Server suffered an unexpected fatal error at line 1213 of source module d:\\nt\\private\\cluster\\service\\init\\service.c. The error code was {error}.");

    public static EventTemplate CouldNotJoinOrForm() => new("System", "ClusSvc", 1009, QError, Error, [],
        "Microsoft Cluster Server could not join an existing cluster and could not form a new cluster. Microsoft Cluster Server has terminated.");

    public static EventTemplate GroupOnlining(string group) => new("System", "ClusSvc", 1200, QInfo, Info, [group], $"The Cluster Service is attempting to bring online the Resource Group \"{group}\".");

    public static EventTemplate GroupOnline(string group) => new("System", "ClusSvc", 1201, QInfo, Info, [group], $"The Cluster Service brought the Resource Group \"{group}\" online.");

    public static EventTemplate GroupOfflining(string group) => new("System", "ClusSvc", 1203, QInfo, Info, [group], $"The Cluster Service is attempting to offline the Resource Group \"{group}\".");

    public static EventTemplate GroupOffline(string group) => new("System", "ClusSvc", 1204, QInfo, Info, [group], $"The Cluster Service brought the Resource Group \"{group}\" offline.");

    public static EventTemplate GroupOnlineFailed(string group) => new("System", "ClusSvc", 1205, QError, Error, [group], $"The Cluster Service failed to bring the Resource Group \"{group}\" completely online or offline.");

    public static EventTemplate ResourceFailed(string resource) => new("System", "ClusSvc", 1069, QError, Error, [resource], $"Cluster resource '{resource}' failed.");

    public static EventTemplate GenericServiceFailed(string resource) => new("System", "ClusSvc", 1042, QError, Error, [resource], $"Cluster generic service '{resource}' failed.");

    public static EventTemplate CheckpointNotRestored(string resource, string key) => new("System", "ClusSvc", 1024, QError, Error, [resource, key],
        $"The registry checkpoint for cluster resource {resource} could not be restored to registry key {key}. The resource may not function correctly. Make sure that no other processes have open handles to registry keys in this registry subtree.");

    public static EventTemplate NtfsCorrupt(string volume) => new("System", "Ntfs", 55, QError, Error, [volume],
        $"The file system structure on the disk is corrupt and unusable. Please run the chkdsk utility on the volume {volume}.");

    public static EventTemplate JetStarted(string instance, int pid) => new("Application", "ESENT", 100, 0, Info, [instance, Pid(pid), "5.02.3790.0000"],
        $"{instance} ({pid}) The database engine 5.02.3790.0000 started.");

    public static EventTemplate JetStopped(string instance, int pid) => new("Application", "ESENT", 101, 0, Info, [instance, Pid(pid)],
        $"{instance} ({pid}) The database engine stopped.");

    public static EventTemplate JetIndexCleanup(string instance, int pid, string database) => new("Application", "ESENT", 609, 0, Info,
        [instance, Pid(pid), database, "5", "0", "2195", "4", "5", "2", "3790", "0"],
        $"{instance} ({pid}) The database engine is initiating index cleanup of database '{database}' as a result of a Windows version upgrade from 5.0.2195 SP 4 to 5.2.3790 SP 0.");

    public static EventTemplate JetLogUnreadable(string instance, int pid) => new("Application", "ESENT", 412, 0, Error, [instance, Pid(pid), "-530"],
        $"{instance} ({pid}) Unable to read the log header. Error -530.");

    public static EventTemplate WinsCannotStart() => new("System", "Wins", 4318, QError, Error, [],
        "WINS could not start due to a missing or corrupt database. Restore the database using WINS Manager (or winscl.exe found in the Windows 2000 Resource Kit) and restart WINS. If WINS still does not start, begin with a fresh copy of the database");

    public static EventTemplate DhcpJetError() => new("System", "DhcpServer", 1014, QError, Error, ["-530"], "The Jet database returned the following error: -530.");

    public static EventTemplate DirectoryStarted() => new("Application", "MSExchangeDS", 1000, QInfo, Info, [], "Microsoft Exchange Directory startup complete.");

    public static EventTemplate DirectoryInitFailed(int error) => new("Application", "MSExchangeDS", 1002, QError, Error, [error.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        $"The Microsoft Exchange Server database (EDB) could not be initialized and returned error {error}. Unrecoverable error, the directory can't continue.");

    public static EventTemplate RestoreReplay() => new("Application", "EDB", 204, 0, Info, ["MSExchangeDS"], "MSExchangeDS (restore) The database engine is restoring from backup. Restore will begin replaying logfiles.");

    public static EventTemplate BackupStarted(string what, bool startServices) => new("Application", "Backup Exec", 34112, QInfo, Info, [what, startServices ? "Yes" : "No"],
        $"Restore of {what} started. Start services after restore: {(startServices ? "Yes" : "No")}.");

    public static EventTemplate BackupCompleted(string what) => new("Application", "Backup Exec", 34113, QInfo, Info, [what], $"Restore of {what} completed.");

    public static EventTemplate DiskNearlyFull() => new("System", "Srv", 2013, QWarning, Warning, ["\\Device\\Harddisk0\\Partition1", "C:"], "The C: disk is at or near capacity.  You may need to delete some files.");

    public static EventTemplate BrowserElection() => new("System", "BROWSER", 8015, QInfo, Info, ["\\Device\\NetBT_E100B1"],
        "The browser has forced an election on network \\Device\\NetBT_E100B1 because a Windows NT Server (or domain master) browser is started.");

    public static EventTemplate TimeSynchronised(string source) => new("System", "W32Time", 35, 0, Info, [source],
        $"The time service is now synchronizing the system time with the time source {source}.");

    public static EventTemplate NetlogonNoDc(string domain) => new("System", "NETLOGON", 5719, QError, Error, [domain],
        $"No Domain Controller is available for domain {domain} due to the following: There are currently no logon servers available to service the logon request.");

    public static EventTemplate PolicyApplied() => new("Application", "SceCli", 1704, QInfo, Info, [], "Security policy in the Group policy objects has been applied successfully.");

    private static string Pid(int pid) => pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
