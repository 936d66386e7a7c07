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
        switch (target.ToUpperInvariant())
        {
            case "CLUSDISK":
                node.ClusDiskStart = start;
                break;
            case "CLUSSVC":
                node.ClusSvcStart = start;
                break;
            default:
                throw new SimulationException($"unknown driver or service '{target}': expected ClusDisk or ClusSvc");
        }
    }

    /// <summary><c>net start clusdisk</c> or <c>net start clussvc</c>.</summary>
    public void NetStart(string name, string what)
    {
        var node = Up(name);
        switch (what.ToUpperInvariant())
        {
            case "CLUSDISK":
                if (node.RecoveryInstall)
                {
                    throw new SimulationException($"{node.Name} runs the recovery installation, which has no ClusDisk driver");
                }

                node.ClusDiskLoaded = true;
                break;
            case "CLUSSVC":
                Sim.Service.Start(name);
                break;
            default:
                StartService(name, what);
                break;
        }
    }

    /// <summary>Start a service from the Services tool.</summary>
    public void StartService(string name, string service)
    {
        var node = Up(name);
        switch (service.ToUpperInvariant())
        {
            case "CLUSSVC":
                Sim.Service.Start(name);
                return;
            case "MSEXCHANGEDS":
                Sim.Directory.StartFromServices();
                return;
            default:
                throw new SimulationException($"the simulator does not model starting '{service}' from Services");
        }
    }

    public void StopService(string name, string service)
    {
        var node = Up(name);
        switch (service.ToUpperInvariant())
        {
            case "CLUSSVC":
                Sim.Service.Stop(name);
                return;
            case "MSEXCHANGEDS":
                Sim.Directory.Offline(node.Name);
                return;
            default:
                throw new SimulationException($"the simulator does not model stopping '{service}'");
        }
    }
}
