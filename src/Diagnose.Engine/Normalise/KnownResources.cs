namespace Diagnose.Normalise;

/// <summary>
/// Default service behind well-known generic-service resource names (Exchange 5.5 on MSCS), used when
/// no snapshot says which service a resource runs. A snapshot's resources override these.
/// </summary>
public static class KnownResources
{
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft Exchange Directory"] = "MSExchangeDS",
        ["Microsoft Exchange Information Store"] = "MSExchangeIS",
        ["Microsoft Exchange Message Transfer Agent"] = "MSExchangeMTA",
        ["Microsoft Exchange System Attendant"] = "MSExchangeSA",
        ["Microsoft Exchange Event Service"] = "MSExchangeES",
        ["WINS Service"] = "WINS",
        ["DHCP Service"] = "DHCPServer",
    };
}
