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

    public ClusterState State { get; }

    public SimulatedClock Clock { get; }

    public EventJournal Journal { get; }

    /// <summary>The labelled assumptions (<see cref="Assumption"/>) this run does without.</summary>
    public IReadOnlySet<Assumption> AssumptionsOff { get; }

    /// <summary>The assumptions that changed what happened in this run (shared with its forks).</summary>
    public HashSet<Assumption> AssumptionsUsed { get; }

    /// <summary>The events the components log, written from the event catalog.</summary>
    public CatalogEvents Events { get; }

    /// <summary>When false, events are not recorded (fault schedules that only need the verdict).</summary>
    public bool Logging { get; set; } = true;

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

    public int Next(int max) => _random.Next(max);

    public void AdvanceTime(TimeSpan span) => Service.AdvanceTime(span);

    // Cluster service and quorum.
    public void StartClusterService(string name, bool debugNoQuorumLogging = false) => Service.Start(name, debugNoQuorumLogging);

    public void StopClusterService(string name) => Service.Stop(name);

    public void ChangeConfiguration(int bytes = ClusterService.ChangeRecordBytes) => Service.ChangeConfiguration(bytes);

    public void WriteCheckpoint(bool interrupted = false) => Service.WriteCheckpoint(interrupted);

    public void CopyCheckpointToClusdb(string name, string? file) => QuorumFiles.CopyCheckpointToClusdb(name, file);

    public void RenameMscs(string to) => QuorumFiles.RenameMscs(to);

    public void RestoreClusdbBackup(string name) => QuorumFiles.RestoreClusdbBackup(name);

    // Groups and resources.
    public void MoveGroup(string groupName, string to) => Groups.MoveGroup(groupName, to);

    public void FailedMove(string groupName, string to) => Groups.FailedMove(groupName, to);

    public void BringOnline(string resourceName) => Groups.BringOnline(resourceName);

    public void TakeOffline(string resourceName) => Groups.TakeOffline(resourceName);

    public SimGroup Group(string name) => Groups.Group(name);

    public void RestoreJetBackups(IReadOnlyCollection<string> resources) => Jet.RestoreBackups(resources);

    /// <summary>Online restore of the registry-checkpointed service whose resource <paramref name="what"/> names; false when the cluster has none.</summary>
    public bool RestoreCheckpointedService(string what, bool startServices) => Checkpointed.Restore(what, startServices);

    // Services, drivers and start types.
    public void SetStartType(string name, string target, StartType start) => Services.SetStartType(name, target, start);

    public void NetStart(string name, string what) => Services.NetStart(name, what);

    public void StartService(string name, string service) => Services.StartService(name, service);

    public void StopService(string name, string service) => Services.StopService(name, service);

    // Power and operating system.
    public void PowerOn(string name) => Power.PowerOn(name);

    public void PowerOff(string name) => Power.PowerOff(name);

    public void Reboot(string name) => Power.Reboot(name);

    public void BootRecoveryInstall(string name) => Power.BootRecoveryInstall(name);

    public void PowerLoss(IReadOnlyCollection<string> names, HiveDamage damage) => Power.PowerLoss(names, damage);

    public void PowerLoss(IReadOnlyDictionary<string, HiveDamage> damages) => Power.PowerLoss(damages);

    public void PowerRestored(IReadOnlyCollection<string> names) => Power.PowerRestored(names);

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
