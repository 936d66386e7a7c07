
namespace Diagnose.Simulation.Cluster;

/// <summary>
/// The ClusDisk driver's reservation of the shared disks. Q217147: never run two nodes with ClusDisk on manual,
/// since both then mount the shared disks without reservation and write over each other's NTFS structures.
/// </summary>
internal sealed class ClusDisk : SimulatorComponent
{
    public ClusDisk(ClusterSimulator sim)
        : base(sim)
    {
    }

    /// <summary>Two running nodes that both mount the shared disks without reservation write over each other's NTFS structures.</summary>
    public void CheckSharedDisks()
    {
        var unprotected = State.Nodes.Where(n => n.MountsSharedDisksUnprotected).ToList();
        if (unprotected.Count >= 2 && !State.SharedDiskCorrupt)
        {
            State.SharedDiskCorrupt = true;
            foreach (var db in State.Databases.Values)
            {
                db.Damaged = true;
            }

            foreach (var node in unprotected)
            {
                Emit(node.Name, () => Events.NtfsCorrupt("Q:"));
            }
        }
    }
}
