namespace Diagnose.Normalise;

/// <summary>
/// One spelling per node: exports write the computer as NetBIOS name, FQDN or in any case, and the
/// rules join on it, so "node1.corp.contoso.com" and "NODE1" are the same node.
/// </summary>
internal static class NodeNames
{
    public static string? Normalise(string? computer)
    {
        if (string.IsNullOrWhiteSpace(computer))
        {
            return null;
        }

        var name = computer.Trim().TrimStart('\\');
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && !char.IsDigit(name[0]))
        {
            name = name[..dot];
        }

        return name.ToUpperInvariant();
    }
}
