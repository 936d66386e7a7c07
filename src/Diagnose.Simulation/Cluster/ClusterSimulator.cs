using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Events;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// The simulated cluster: a <see cref="ClusterState"/>, a simulated clock, a journal of the events Windows would log,
/// and one component per modelled behaviour (<see cref="ClusterService"/>, <see cref="QuorumFolder"/>,
/// <see cref="ResourceGroups"/>, <see cref="JetDatabaseEngine"/>, <see cref="RegistryCheckpointedService"/>,
/// <see cref="PowerSupply"/>, <see cref="ClusDisk"/>, <see cref="ServiceControl"/>). The operations below are what a
/// person does; each checks its preconditions (throwing <see cref="SimulationException"/>) and hands over to the
/// component that models it. Deterministic: the only randomness is the seeded generator (process ids, small delays).
/// </summary>
public sealed class ClusterSimulator
{
    /// <summary>CheckpointInterval: periodic checkpoints from NT4 SP5 and in Windows 2000.</summary>
    public static readonly TimeSpan CheckpointInterval = ClusterService.CheckpointInterval;

    /// <summary>quolog.log size in bytes at which the log is full and a checkpoint is taken (Q217147: 64 KB by default).</summary>
    public const int LogLimitBytes = ClusterService.LogLimitBytes;

    private readonly Random _random;
    private readonly Dictionary<(string, string), int> _pids = [];

    /// <summary>A simulated cluster that starts from <paramref name="state"/> (which it changes) at <paramref name="startUtc"/>.</summary>
    /// <param name="state">The cluster's state; its last configuration change defaults to the start time.</param>
    /// <param name="startUtc">The simulated clock's start.</param>
    /// <param name="seed">Seeds the only randomness: process ids and small delays.</param>
    /// <param name="events">The catalog the logged events are written from.</param>
    /// <param name="journal">Where events are recorded; a new, empty one when null.</param>
    /// <param name="assumptionsOff">Labelled assumptions this run does without; none when null.</param>
    /// <param name="assumptionsUsed">Collects the assumptions that changed what happened; a new set when null.</param>
    public ClusterSimulator(ClusterState state, DateTime startUtc, int seed, EventCatalog events, EventJournal? journal = null, IReadOnlySet<Assumption>? assumptionsOff = null, HashSet<Assumption>? assumptionsUsed = null)
    {
        AssumptionsOff = assumptionsOff ?? new HashSet<Assumption>();
        AssumptionsUsed = assumptionsUsed ?? [];
        State = state;
        Events = new CatalogEvents(events);
        Clock = new SimulatedClock(startUtc);
        Journal = journal ?? new EventJournal();
        _random = new Random(seed);
        if (State.LastConfigurationChange == default)
        {
            State.LastConfigurationChange = startUtc;
        }

        Service = new ClusterService(this);
        QuorumFiles = new QuorumFolder(this);
        Groups = new ResourceGroups(this);
        Jet = new JetDatabaseEngine(this);
        Checkpointed = new RegistryCheckpointedService(this);
        Power = new PowerSupply(this);
        ClusDisk = new ClusDisk(this);
        Services = new ServiceControl(this);
    }

    /// <summary>The cluster's state; the operations change it in place.</summary>
    public ClusterState State { get; }

    /// <summary>The simulated clock: time moves only when the simulation moves it, never with the wall clock.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>The events logged so far on every node, in the order they happened.</summary>
    public EventJournal Journal { get; }

    /// <summary>The labelled assumptions (<see cref="Assumption"/>) this run does without.</summary>
    public IReadOnlySet<Assumption> AssumptionsOff { get; }

    /// <summary>The assumptions that changed what happened in this run (shared with its forks).</summary>
    public HashSet<Assumption> AssumptionsUsed { get; }

    /// <summary>The events the components log, written from the event catalog.</summary>
    public CatalogEvents Events { get; }

    /// <summary>When false, events are not recorded (fault schedules that only need the verdict).</summary>
    public bool Logging { get; set; } = true;

    /// <summary>The simulated time (UTC).</summary>
    public DateTime Now => Clock.UtcNow;

    /// <summary>Changes go to quolog.log while a node is down (Q217147, "Cluster Log Management"), in every version.</summary>
    public bool QuorumLogging => Service.QuorumLogging;

    internal ClusterService Service { get; }

    internal QuorumFolder QuorumFiles { get; }

    internal ResourceGroups Groups { get; }

    internal JetDatabaseEngine Jet { get; }

    internal RegistryCheckpointedService Checkpointed { get; }

    internal PowerSupply Power { get; }

    internal ClusDisk ClusDisk { get; }

    internal ServiceControl Services { get; }

    /// <summary>
    /// A copy to run something on without touching this one: same state, time and assumptions, an empty journal of its
    /// own; assumptions it uses are recorded here too unless <paramref name="assumptionsUsed"/> gives another set.
    /// </summary>
    public ClusterSimulator Fork(int seed, IReadOnlySet<Assumption>? assumptionsOff = null, HashSet<Assumption>? assumptionsUsed = null) =>
        new(State.Clone(), Now, seed, Events.Catalog, null, assumptionsOff ?? AssumptionsOff, assumptionsUsed ?? AssumptionsUsed) { Logging = Logging };

    /// <summary>Whether <paramref name="assumption"/> is on for this run.</summary>
    public bool Assumes(Assumption assumption) => !AssumptionsOff.Contains(assumption);

    /// <summary>Records that <paramref name="assumption"/> changed what happened.</summary>
    internal void Relied(Assumption assumption) => AssumptionsUsed.Add(assumption);

    /// <summary>Logs <paramref name="e"/> on <paramref name="node"/> at the current time, unless <see cref="Logging"/> is off.</summary>
    public void Emit(string node, EventTemplate e) => Emit(node, () => e);

    /// <summary>Logs an event; the template is built only when logging, since fault schedules run by the thousand.</summary>
    public void Emit(string node, Func<EventTemplate> make)
    {
        if (Logging)
        {
            var e = make();
            Journal.Add(new SimEvent(node, e.Channel, e.Provider, e.EventId, e.Qualifiers, e.Level, Now, e.Data, e.Message));
        }
    }

    /// <summary>Moves the clock on by roughly <paramref name="seconds"/> (seeded jitter), writing periodic checkpoints on the way.</summary>
    public void Wait(double seconds)
    {
        var jitter = seconds <= 1 ? 0 : _random.NextDouble() * seconds * 0.3;
        AdvanceTime(TimeSpan.FromSeconds(seconds + jitter));
    }

    /// <summary>A number from 0 to <paramref name="max"/> (excluded), from the seeded generator.</summary>
    public int Next(int max) => _random.Next(max);

    /// <summary>Moves the clock on by exactly <paramref name="span"/>, writing the periodic checkpoints (NT4 SP5 and later) that fall due on the way.</summary>
    public void AdvanceTime(TimeSpan span) => Service.AdvanceTime(span);

    // Cluster service and quorum.
    /// <summary>Starts the cluster service on a node: it joins when another node is a member, else forms the cluster; nothing when the node is a member already.</summary>
    /// <param name="name">The node.</param>
    /// <param name="debugNoQuorumLogging">Start it as <c>clussvc -debug -noquorumlogging</c>.</param>
    /// <exception cref="SimulationException">The node is off or runs the recovery installation.</exception>
    public void StartClusterService(string name, bool debugNoQuorumLogging = false) => Service.Start(name, debugNoQuorumLogging);

    /// <summary>Stops the cluster service on a node cleanly: it leaves the cluster; nothing when it is not a member.</summary>
    /// <exception cref="SimulationException">The node is off.</exception>
    public void StopClusterService(string name) => Service.Stop(name);

    /// <summary>A person changes the cluster configuration (adds a resource, changes a property): a change record of <paramref name="bytes"/> goes to quolog.log while quorum logging is on.</summary>
    /// <exception cref="SimulationException">The cluster is not running.</exception>
    public void ChangeConfiguration(int bytes = ClusterService.ChangeRecordBytes) => Service.ChangeConfiguration(bytes);

    /// <summary>
    /// The quorum owner writes a new checkpoint and starts an empty quolog.log; <paramref name="interrupted"/> leaves the
    /// checkpoint inconsistent (cut off while written). Nothing happens when no node owns the quorum, the owner runs without
    /// quorum logging, or the MSCS folder is gone.
    /// </summary>
    public void WriteCheckpoint(bool interrupted = false) => Service.WriteCheckpoint(interrupted);

    /// <summary>Copies a checkpoint from the quorum disk over node <paramref name="name"/>'s Clusdb (both are registry hives); <paramref name="file"/> null takes the newest.</summary>
    /// <exception cref="SimulationException">The node is off or a cluster member, cannot read the quorum disk, or the checkpoint does not exist.</exception>
    public void CopyCheckpointToClusdb(string name, string? file) => QuorumFiles.CopyCheckpointToClusdb(name, file);

    /// <summary>Renames (or saves and deletes) the MSCS folder on the quorum disk, setting it aside as <paramref name="to"/>: its checkpoints and quolog.log are gone.</summary>
    /// <exception cref="SimulationException">No node can write to the quorum disk, or there is no MSCS folder.</exception>
    public void RenameMscs(string to) => QuorumFiles.RenameMscs(to);

    /// <summary>Restores the newest Clusdb or checkpoint backup onto node <paramref name="name"/>'s Clusdb.</summary>
    /// <exception cref="SimulationException">The node is off or a cluster member, or there is no such backup.</exception>
    public void RestoreClusdbBackup(string name) => QuorumFiles.RestoreClusdbBackup(name);

    // Groups and resources.
    /// <summary>Move Group in Cluster Administrator: offline on the owner, online on <paramref name="to"/>, failing back over if it fails there.</summary>
    public void MoveGroup(string groupName, string to) => Groups.MoveGroup(groupName, to);

    /// <summary>A move to <paramref name="to"/> that fails half-way (the target stops answering): the group comes back online where it was.</summary>
    public void FailedMove(string groupName, string to) => Groups.FailedMove(groupName, to);

    /// <summary>Bring Online in Cluster Administrator, for a resource or every resource of the group so named.</summary>
    /// <exception cref="SimulationException">No resource or group has that name, or the cluster is not running.</exception>
    public void BringOnline(string resourceName) => Groups.BringOnline(resourceName);

    /// <summary>Take Offline in Cluster Administrator: the resource (or every resource of the group so named) stays offline until brought online.</summary>
    /// <exception cref="SimulationException">No resource or group has that name.</exception>
    public void TakeOffline(string resourceName) => Groups.TakeOffline(resourceName);

    /// <summary>The group of that name, or the group holding the resource of that name (case-insensitive).</summary>
    /// <exception cref="SimulationException">No group or resource has that name.</exception>
    public SimGroup Group(string name) => Groups.Group(name);

    /// <summary>Restores the databases of these JET-backed resources from their newest backups, stopping the services first.</summary>
    public void RestoreJetBackups(IReadOnlyCollection<string> resources) => Jet.RestoreBackups(resources);

    /// <summary>Online restore of the registry-checkpointed service whose resource <paramref name="what"/> names; false when the cluster has none.</summary>
    public bool RestoreCheckpointedService(string what, bool startServices) => Checkpointed.Restore(what, startServices);

    // Services, drivers and start types.
    /// <summary>Sets the start type of ClusDisk or the cluster service (<paramref name="target"/>) in node <paramref name="name"/>'s registry.</summary>
    /// <exception cref="SimulationException">The node is off or runs the recovery installation, or the target is neither.</exception>
    public void SetStartType(string name, string target, StartType start) => Services.SetStartType(name, target, start);

    /// <summary><c>net start</c> on node <paramref name="name"/>: loads the ClusDisk driver, or starts any other <paramref name="what"/> as <see cref="StartService"/> does.</summary>
    public void NetStart(string name, string what) => Services.NetStart(name, what);

    /// <summary>Starts <paramref name="service"/> (the cluster service or the checkpointed service) on node <paramref name="name"/> from the Services tool, outside the cluster.</summary>
    /// <exception cref="SimulationException">The node is off, or the simulator does not model starting that service.</exception>
    public void StartService(string name, string service) => Services.StartService(name, service);

    /// <summary>Stops <paramref name="service"/> (the cluster service or the checkpointed service) on node <paramref name="name"/>.</summary>
    /// <exception cref="SimulationException">The node is off, or the simulator does not model stopping that service.</exception>
    public void StopService(string name, string service) => Services.StopService(name, service);

    // Power and operating system.
    /// <summary>Turns a node on (or restarts it when it runs) and boots its normal Windows installation.</summary>
    public void PowerOn(string name) => Power.PowerOn(name);

    /// <summary>Shuts a node down cleanly and turns it off.</summary>
    public void PowerOff(string name) => Power.PowerOff(name);

    /// <summary>Shuts a running node down cleanly and boots it again about a minute later.</summary>
    /// <exception cref="SimulationException">The node is off.</exception>
    public void Reboot(string name) => Power.Reboot(name);

    /// <summary>Boots a node from a disaster-recovery Windows installation: no cluster service, no ClusDisk.</summary>
    public void BootRecoveryInstall(string name) => Power.BootRecoveryInstall(name);

    /// <summary>Power fails on these nodes at once; when no member survives, each member's Clusdb may be damaged as <paramref name="damage"/> says.</summary>
    public void PowerLoss(IReadOnlyCollection<string> names, HiveDamage damage) => Power.PowerLoss(names, damage);

    /// <summary>Power fails on these nodes at once; each member's Clusdb may be damaged as its entry says (<see cref="HiveDamage.None"/>: it survived).</summary>
    public void PowerLoss(IReadOnlyDictionary<string, HiveDamage> damages) => Power.PowerLoss(damages);

    /// <summary>Power comes back: each node that lost it boots again, in the given order.</summary>
    public void PowerRestored(IReadOnlyCollection<string> names) => Power.PowerRestored(names);

    /// <summary>Upgrades, rolls back or service-packs node <paramref name="name"/> to <paramref name="os"/>: its groups move away while it restarts.</summary>
    public void ChangeOs(string name, OsVersion os) => Power.ChangeOs(name, os);

    /// <summary>The process id of a service on a node: new after each restart of the service.</summary>
    internal int Pid(string node, string service, bool restart = false)
    {
        if (restart || !_pids.TryGetValue((node, service), out var pid))
        {
            pid = 400 + (_random.Next(900) * 4);
            _pids[(node, service)] = pid;
        }

        return pid;
    }

    internal SimNode Up(string name)
    {
        var node = State.Node(name);
        if (!node.Powered)
        {
            throw new SimulationException($"{node.Name} is turned off");
        }

        return node;
    }
}
