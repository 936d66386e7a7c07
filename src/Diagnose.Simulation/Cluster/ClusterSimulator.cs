using Diagnose.Simulation.Events;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// The simulated cluster: a <see cref="ClusterState"/>, a simulated clock and a journal of the events
/// Windows would log. Operations check their preconditions (throwing <see cref="SimulationException"/>)
/// and change the state the way the articles describe; every change Windows logs is logged here too.
/// Deterministic: the only randomness is the seeded generator, used for process ids and small delays.
/// </summary>
public sealed partial class ClusterSimulator
{
    private readonly Random _random;
    private readonly Dictionary<(string, string), int> _pids = [];

    public ClusterSimulator(ClusterState state, DateTime startUtc, int seed, EventJournal? journal = null)
    {
        State = state;
        Clock = new SimulatedClock(startUtc);
        Journal = journal ?? new EventJournal();
        _random = new Random(seed);
        if (State.LastConfigurationChange == default)
        {
            State.LastConfigurationChange = startUtc;
        }
    }

    public ClusterState State { get; }

    public SimulatedClock Clock { get; }

    public EventJournal Journal { get; }

    /// <summary>When false, events are not recorded (fault schedules that only need the verdict).</summary>
    public bool Logging { get; set; } = true;

    public DateTime Now => Clock.UtcNow;

    /// <summary>A copy to run something on without touching this one: same state and time, an empty journal of its own.</summary>
    public ClusterSimulator Fork(int seed) => new(State.Clone(), Now, seed) { Logging = Logging };

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

    /// <summary>The process id of a service on a node: new after each restart of the service.</summary>
    private int Pid(string node, string service, bool restart = false)
    {
        if (restart || !_pids.TryGetValue((node, service), out var pid))
        {
            pid = 400 + (_random.Next(900) * 4);
            _pids[(node, service)] = pid;
        }

        return pid;
    }

    private SimNode Up(string name)
    {
        var node = State.Node(name);
        if (!node.Powered)
        {
            throw new SimulationException($"{node.Name} is turned off");
        }

        return node;
    }
}
