namespace Diagnose.Knowledge.Articles;

/// <summary>The arguments each operation needs for the simulated cluster to run it; a step without them is rejected at load.</summary>
public static class OperationArguments
{
    /// <summary>Operation name → the argument names a step of it must give (an empty list: none).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Required = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["move-group"] = ["group", "to"],
        ["upgrade-node-os"] = ["node", "os"],
        ["rollback-node-os"] = ["node", "os"],
        ["install-service-pack"] = ["node", "servicePack"],
        ["power-off"] = ["node"],
        ["power-on"] = ["node"],
        ["reboot"] = ["node"],
        ["boot-recovery-install"] = ["node"],
        ["restore-backup"] = ["what"],
        ["start-service"] = ["node", "service"],
        ["stop-service"] = ["node", "service"],
        ["bring-online"] = ["resource"],
        ["take-offline"] = ["resource"],
        ["set-start-type"] = ["node", "start"],
        ["copy-file"] = ["from", "to"],
        ["rename-folder"] = ["from", "to"],
        ["net-start"] = ["node", "name"],
        ["clussvc-debug-noquorumlogging"] = ["node"],
        ["join-cluster"] = ["node"],
        ["verify"] = ["check"],
        ["wait"] = ["hours"],
        ["power-loss"] = [],
        ["power-restored"] = ["nodes"],
        ["change-configuration"] = [],
    };
}
