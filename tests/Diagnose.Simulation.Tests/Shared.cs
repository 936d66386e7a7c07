using Diagnose.Analysis;

namespace Diagnose.Simulation.Tests;

/// <summary>One engine (rules and articles) for all tests.</summary>
internal static class Shared
{
    private static readonly Lazy<DiagnoseEngine> Loaded = new(() => DiagnoseEngine.Load());

    public static DiagnoseEngine Engine => Loaded.Value;
}
