using Diagnose.Simulation.Events;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>One modelled behaviour of the simulated cluster: it reads and changes the shared state, logs and waits through the simulator.</summary>
internal abstract class SimulatorComponent
{
    protected SimulatorComponent(ClusterSimulator sim) => Sim = sim;

    protected ClusterSimulator Sim { get; }

    protected ClusterState State => Sim.State;

    protected DateTime Now => Sim.Now;

    protected CatalogEvents Events => Sim.Events;

    protected void Emit(string node, EventTemplate e) => Sim.Emit(node, e);

    protected void Emit(string node, Func<EventTemplate> make) => Sim.Emit(node, make);

    protected void Wait(double seconds) => Sim.Wait(seconds);

    protected SimNode Up(string name) => Sim.Up(name);
}
