using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// The Services tool, <c>net start</c> and start types on a node: each names a driver or service and reaches the
/// component that models it (ClusDisk, the cluster service, a registry-checkpointed generic service).
/// </summary>
internal sealed class ServiceControl : SimulatorComponent
{
    public ServiceControl(ClusterSimulator sim)
        : base(sim)
    {
    }

    public void SetStartType(string name, string target, StartType start)
    {
        var node = Up(name);
        if (node.RecoveryInstall)
        {
            throw new SimulationException($"{node.Name} runs the recovery installation, whose registry is not the cluster installation's");
        }

        Wait(20);
        if (IsClusDisk(target))
        {
            node.ClusDiskStart = start;
        }
        else if (IsClusterService(target))
        {
            node.ClusSvcStart = start;
        }
        else
        {
            throw new SimulationException($"unknown driver or service '{target}': expected ClusDisk or {Events.ClusterServiceName}");
        }
    }

    /// <summary><c>net start clusdisk</c> or <c>net start clussvc</c>.</summary>
    public void NetStart(string name, string what)
    {
        var node = Up(name);
        if (!IsClusDisk(what))
        {
            StartService(name, what);
            return;
        }

        if (node.RecoveryInstall)
        {
            throw new SimulationException($"{node.Name} runs the recovery installation, which has no ClusDisk driver");
        }

        node.ClusDiskLoaded = true;
    }

    /// <summary>Start a service from the Services tool.</summary>
    public void StartService(string name, string service)
    {
        Up(name);
        if (IsClusterService(service))
        {
            Sim.Service.Start(name);
        }
        else if (Sim.Checkpointed.Runs(service))
        {
            Sim.Checkpointed.StartFromServices(service);
        }
        else
        {
            throw new SimulationException($"the simulator does not model starting '{service}' from Services");
        }
    }

    public void StopService(string name, string service)
    {
        var node = Up(name);
        if (IsClusterService(service))
        {
            Sim.Service.Stop(name);
        }
        else if (Sim.Checkpointed.Runs(service))
        {
            Sim.Checkpointed.Offline(node.Name);
        }
        else
        {
            throw new SimulationException($"the simulator does not model stopping '{service}'");
        }
    }

    // The shared-disk driver is part of the cluster software the simulator models (Q217147's ClusDisk), not a service of an article's resource.
    private static bool IsClusDisk(string name) => string.Equals(name, "ClusDisk", StringComparison.OrdinalIgnoreCase);

    private bool IsClusterService(string name) => string.Equals(name, Events.ClusterServiceName, StringComparison.OrdinalIgnoreCase);
}
