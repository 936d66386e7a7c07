namespace Diagnose.Library.Tests;

/// <summary>Paths to the bundled incidents copied beside the tests.</summary>
internal static class Samples
{
    public static string Incident(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "incidents", name);

    public static string Doc(string name) => Path.Combine(AppContext.BaseDirectory, "docs", name);
}
