using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// Runs one plan step on the simulated cluster: each operation of <see cref="Knowledge.Articles.Operations"/>
/// maps to what a person does. A failed <c>verify</c> throws <see cref="InvariantException"/>.
/// </summary>
internal static class StepExecutor
{
    public static void Execute(ClusterSimulator sim, BoundStep step)
    {
        sim.Wait(120);
        switch (step.Operation)
        {
            case "move-group":
                sim.MoveGroup(step.Arg("group"), step.Arg("to"));
                break;
            case "upgrade-node-os":
            case "rollback-node-os":
                sim.ChangeOs(step.Arg("node"), OsVersions.Parse(step.Arg("os")));
                break;
            case "install-service-pack":
                var node = sim.State.Node(step.Arg("node"));
                if (node.Os == OsVersion.Nt4Sp4 && int.Parse(step.Arg("servicePack"), System.Globalization.CultureInfo.InvariantCulture) >= 5)
                {
                    sim.ChangeOs(node.Name, OsVersion.Nt4Sp5);
                }

                break;
            case "power-off":
                sim.PowerOff(step.Arg("node"));
                break;
            case "power-on":
                sim.PowerOn(step.Arg("node"));
                break;
            case "reboot":
                sim.Reboot(step.Arg("node"));
                break;
            case "boot-recovery-install":
                sim.BootRecoveryInstall(step.Arg("node"));
                break;
            case "restore-backup":
                RestoreBackup(sim, step);
                break;
            case "start-service":
                sim.StartService(step.Arg("node"), step.Arg("service"));
                break;
            case "stop-service":
                sim.StopService(step.Arg("node"), step.Arg("service"));
                break;
            case "bring-online":
                foreach (var resource in Resources(sim, step.Arg("resource")))
                {
                    sim.BringOnline(resource);
                }

                break;
            case "take-offline":
                foreach (var resource in Resources(sim, step.Arg("resource")))
                {
                    sim.TakeOffline(resource);
                }

                break;
            case "set-start-type":
                sim.SetStartType(step.Arg("node"), step.Optional("driver") ?? step.Arg("service"), Enum.Parse<StartType>(step.Arg("start"), ignoreCase: true));
                break;
            case "copy-file":
                var (target, _) = Split(step.Arg("to"));
                var (_, file) = Split(step.Arg("from"));
                sim.CopyCheckpointToClusdb(target, Path.GetFileName(file.Replace('\\', '/')));
                break;
            case "rename-folder":
                sim.RenameMscs(step.Arg("to"));
                break;
            case "net-start":
                sim.NetStart(step.Arg("node"), step.Arg("name"));
                break;
            case "clussvc-debug-noquorumlogging":
                sim.StopClusterService(step.Arg("node"));
                sim.StartClusterService(step.Arg("node"), debugNoQuorumLogging: true);
                break;
            case "join-cluster":
                var joining = sim.State.Node(step.Arg("node"));
                if (!joining.Powered)
                {
                    sim.PowerOn(joining.Name);
                }

                sim.StartClusterService(joining.Name);
                break;
            case "verify":
                Verify(sim, step);
                break;
            case "wait":
                // A range ("6-78") is an incident's, resolved by its seed before it gets here; a plan waits the least.
                sim.AdvanceTime(TimeSpan.FromHours(double.Parse(step.Arg("hours").Split('-')[0], System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case "power-loss":
                PowerFailureSteps.PowerLoss(sim, step);
                break;
            case "power-restored":
                PowerFailureSteps.PowerRestored(sim, step);
                break;
            case "change-configuration":
                sim.ChangeConfiguration();
                break;
            default:
                throw new SimulationException($"the simulator has no model of operation '{step.Operation}'");
        }
    }

    private static void RestoreBackup(ClusterSimulator sim, BoundStep step)
    {
        var what = step.Arg("what");
        var option = step.Optional("option") ?? "";

        // An online restore of a registry-checkpointed service's database ("start services after restore" or not); else a file restore below.
        if (sim.RestoreCheckpointedService(what, startServices: option.Contains("start services", StringComparison.OrdinalIgnoreCase) && !option.Contains("not", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        if (JetNamed(sim, what) is { Count: > 0 } jet)
        {
            sim.RestoreJetBackups(jet);
        }
        else if (what.Contains("Clusdb", StringComparison.OrdinalIgnoreCase))
        {
            sim.RestoreClusdbBackup(Split(step.Arg("to")).Node);
        }
        else
        {
            throw new SimulationException($"the simulator does not know how to restore '{what}'");
        }
    }

    private static void Verify(ClusterSimulator sim, BoundStep step)
    {
        var check = step.Arg("check");
        switch (check)
        {
            case "failover-all-owners":
            case "resource-online":
                var subject = step.Optional("group") ?? step.Arg("resource");
                var group = sim.Group(subject);
                if (group.Resources.FirstOrDefault(r => (r.Wanted || string.Equals(r.Name, subject, StringComparison.OrdinalIgnoreCase)) && r.State != ResourceState.Online) is { } down)
                {
                    throw new InvariantException(Invariants.ResourcesOnline, $"'{down.Name}' is {down.State.ToString().ToLowerInvariant()}");
                }

                if (Invariants.CheckFailover(sim, group.Name) is { } broken)
                {
                    throw new InvariantException(broken.Invariant, broken.Detail);
                }

                break;
            case "checkpoint-interval":
                CheckpointsSurvivePowerFailure(sim);
                break;
            default:
                throw new SimulationException($"the simulator has no check '{check}'");
        }
    }

    /// <summary>
    /// What the service pack is for, on a copy of the cluster: a week of configuration changes with every node up (so
    /// nothing goes to quolog.log), then every node loses power at once. SP5's periodic checkpoints ("CheckpointInterval,
    /// default 4 hours") mean the run without a checkpoint is never long and the newest checkpoint is at most one interval
    /// old: the cluster must form again and keep every change made at least one interval before the failure. A change
    /// inside that last interval is in no checkpoint and may be lost in any version; the check does not ask for it.
    /// </summary>
    private static void CheckpointsSurvivePowerFailure(ClusterSimulator sim)
    {
        var week = sim.Fork(1);
        week.Logging = false;
        if (!week.State.Formed || week.State.Nodes.Any(n => !n.Member))
        {
            throw new InvariantException(Invariants.ResourcesOnline, "not every node runs the cluster, so the week-long run cannot start");
        }

        var changes = new List<(DateTime At, int Version)> { (week.Now, week.State.ConfigVersion) };
        for (var day = 0; day < 7; day++)
        {
            week.AdvanceTime(TimeSpan.FromHours(20));
            week.ChangeConfiguration();
            changes.Add((week.Now, week.State.ConfigVersion));
        }

        week.AdvanceTime(TimeSpan.FromHours(3));
        var nodes = week.State.Nodes.Select(n => n.Name).ToList();
        var kept = changes.Where(c => c.At <= week.Now - ClusterSimulator.CheckpointInterval).Max(c => c.Version);
        week.PowerLoss(nodes, HiveDamage.ZeroBytes);
        week.AdvanceTime(TimeSpan.FromMinutes(20));
        week.PowerRestored(nodes);
        if (!week.State.Formed)
        {
            throw new InvariantException(Invariants.ResourcesOnline, "after a week of changes and a power failure of every node, the cluster cannot form (Clusdb lost on every node)");
        }

        if (week.State.ConfigVersion < kept)
        {
            throw new InvariantException(Invariants.Configuration, $"after a week of changes and a power failure of every node, the cluster formed with configuration version {week.State.ConfigVersion}, older than version {kept} of more than one checkpoint interval before the failure (outdated checkpoint)");
        }
    }

    private static IEnumerable<string> Resources(ClusterSimulator sim, string text)
    {
        if (sim.State.GroupOf(text) is not null)
        {
            return [text];
        }

        var jet = JetNamed(sim, text);
        return jet.Count > 0 ? jet : throw new SimulationException($"there is no resource '{text}'");
    }

    /// <summary>"WINS and DHCP resources" or "… databases": the JET-backed resources whose database instance is a word of <paramref name="text"/>.</summary>
    private static List<string> JetNamed(ClusterSimulator sim, string text)
    {
        var words = text.Split([' ', ',', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        return sim.State.Groups.SelectMany(g => g.Resources)
            .Where(r => r.Kind == ResourceKind.Jet && words.Contains(r.Instance, StringComparer.OrdinalIgnoreCase)).Select(r => r.Name).ToList();
    }

    /// <summary>"NODEA:%SystemRoot%\Cluster\Clusdb" → (NODEA, path); "quorum:\MSCS\Chk00018.tmp" → (quorum, path).</summary>
    private static (string Node, string Path) Split(string location)
    {
        var at = location.IndexOf(':', StringComparison.Ordinal);
        return at < 0 ? (location, "") : (location[..at], location[(at + 1)..]);
    }
}
