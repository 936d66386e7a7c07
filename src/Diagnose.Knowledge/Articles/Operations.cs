namespace Diagnose.Knowledge.Articles;

/// <summary>
/// The operations a fix plan may name. The simulated cluster executes exactly these, so a plan that
/// names anything else is rejected when the knowledge base loads.
/// </summary>
public static class Operations
{
    /// <summary>Operation name (as a plan step writes it) → what a person does, in words.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["move-group"] = "move a resource group to another node (Cluster Administrator)",
        ["upgrade-node-os"] = "upgrade a node's operating system",
        ["rollback-node-os"] = "return a node to its earlier operating system",
        ["install-service-pack"] = "install a service pack on a node",
        ["power-off"] = "turn a node off or shut it down",
        ["power-on"] = "turn a node on and boot it",
        ["reboot"] = "restart a node",
        ["boot-recovery-install"] = "boot a node from a disaster-recovery Windows installation without the cluster software",
        ["restore-backup"] = "restore files from a backup to a disk",
        ["start-service"] = "start a service from the Services tool (outside the cluster)",
        ["stop-service"] = "stop a service",
        ["bring-online"] = "bring a cluster resource online from Cluster Administrator",
        ["take-offline"] = "take a cluster resource offline",
        ["set-start-type"] = "set the start type of a driver or service (system, automatic, manual, disabled)",
        ["copy-file"] = "copy a file",
        ["rename-folder"] = "rename (or save and delete) a folder",
        ["net-start"] = "start a driver or service from a command prompt (net start)",
        ["clussvc-debug-noquorumlogging"] = "run the cluster service in debug mode without quorum logging",
        ["join-cluster"] = "start a node so that it joins the cluster through a sponsor",
        ["verify"] = "check a condition before going on",
        ["wait"] = "let time pass (hours, a single number or a range such as 6-78 from which the seed picks)",
        ["power-loss"] = "the power fails on every running node at once; 'zero-bytes' and 'corrupt' list nodes whose Clusdb a cut flush may damage, 'interrupting': 'checkpoint-write' cuts a checkpoint being written",
        ["power-restored"] = "the power comes back: the listed nodes ('nodes', comma-separated) boot in that order",
        ["change-configuration"] = "change the cluster configuration (add a resource, change a property) in Cluster Administrator",
    };
}
