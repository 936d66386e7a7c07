using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// A JET-backed service resource (WINS, DHCP) and its database on the shared disk. KB293302: the first time a newer
/// engine opens the database it converts it (ESENT 609); an older engine then cannot read the log header (ESENT 412,
/// -530, JET_errBadLogSignature in esent.h), the service fails and the group fails back.
/// </summary>
internal sealed class JetDatabaseEngine : SimulatorComponent
{
    public JetDatabaseEngine(ClusterSimulator sim)
        : base(sim)
    {
    }

    public bool Online(SimResource r, string node)
    {
        var db = State.Databases[r.Instance!];
        var engine = OsVersions.JetFormat(State.Node(node).Os);
        var pid = Sim.Pid(node, r.Service!, restart: true);
        if (db.Damaged)
        {
            return Sim.Groups.Failed(r, node);
        }

        if (engine < db.Format)
        {
            // The older engine cannot read the header of a log the newer engine wrote: -530, JET_errBadLogSignature (esent.h).
            Emit(node, () => Events.JetLogUnreadable(r.Instance!, pid));
            Wait(1);
            if (r.FailedEvent is { } failed)
            {
                Emit(node, () => Events.JetServiceFailed(failed));
            }

            Wait(1);
            return Sim.Groups.Failed(r, node);
        }

        Emit(node, () => Events.JetStarted(r.Instance!, pid));
        if (engine > db.Format)
        {
            // The first open by a newer engine converts the database and its logs on the shared disk.
            if (engine == OsVersions.JetFormat(OsVersion.Windows2003))
            {
                Emit(node, () => Events.JetIndexCleanup(r.Instance!, pid, db.Path));
            }

            db.Format = engine;
        }

        Emit(node, () => Events.ServiceState(r.DisplayName, true));
        return ResourceGroups.Online(r);
    }

    /// <summary>Restores the databases of these JET-backed resources from their newest backups (the services are stopped first).</summary>
    public void RestoreBackups(IReadOnlyCollection<string> resources)
    {
        if (!State.Formed)
        {
            throw new SimulationException("the shared disk is reachable only through the running cluster");
        }

        foreach (var group in State.Groups)
        {
            foreach (var r in group.Resources.Where(r => r.Kind == ResourceKind.Jet && resources.Contains(r.Name)))
            {
                Sim.Groups.TakeOffline(r.Name);
                var backup = State.Backups.Where(b => b.What == r.Instance).MaxBy(b => b.TakenAt)
                    ?? throw new SimulationException($"there is no backup of the {r.Instance} database");
                var db = State.Databases[r.Instance!];
                db.Format = backup.Version;
                db.Damaged = State.SharedDiskCorrupt;
            }
        }

        Wait(600);
    }

    public void Offline(SimResource r, string node)
    {
        Emit(node, () => Events.JetStopped(r.Instance!, Sim.Pid(node, r.Service!)));
        Emit(node, () => Events.ServiceState(r.DisplayName, false));
    }
}
