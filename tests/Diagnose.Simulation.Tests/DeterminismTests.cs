using Diagnose.Simulation.Output;
using Diagnose.Simulation.Scenarios;
using Newtonsoft.Json;

namespace Diagnose.Simulation.Tests;

/// <summary>Same seed, same run: byte-identical logs and snapshot, and the same verdicts.</summary>
[TestClass]
public sealed class DeterminismTests
{
    [TestMethod]
    [DataRow("KB293302", 7, "evtx")]
    [DataRow("Q188674", 11, "evtx")]
    [DataRow("Q217147", 23, "evtx")]
    [DataRow("Q217147", 23, "xml")]
    public void Simulate_SameSeedTwice_WritesByteIdenticalFiles(string scenario, int seed, string format)
    {
        using var temp = new TempFolder();
        var options = new ScenarioOptions(seed, Nodes: 3, Noise: 25);
        ISimulatedLogWriter writer = format == "xml" ? new XmlLogWriter() : new EvtxLogWriter();
        var first = SimulationOutput.Write(Shared.Scenarios.Find(scenario)!.Run(options), temp.Sub("a"), writer);
        var second = SimulationOutput.Write(Shared.Scenarios.Find(scenario)!.Run(options), temp.Sub("b"), writer);
        Assert.IsGreaterThanOrEqualTo(3, first.Count(f => f.EndsWith("." + format, StringComparison.Ordinal)), "a System log per node at least");

        CollectionAssert.AreEqual(first.Select(Path.GetFileName).ToArray(), second.Select(Path.GetFileName).ToArray());
        for (var i = 0; i < first.Count; i++)
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(first[i]), File.ReadAllBytes(second[i]), Path.GetFileName(first[i]));
        }

        var other = SimulationOutput.Write(Shared.Scenarios.Find(scenario)!.Run(options with { Seed = seed + 1 }), temp.Sub("c"), writer);
        Assert.IsFalse(first.Zip(other).All(p => File.ReadAllBytes(p.First).AsSpan().SequenceEqual(File.ReadAllBytes(p.Second))), "another seed gives another run");
    }

    [TestMethod]
    public void ValidateAll_Twice_GivesTheSameVerdictsAndCounterexamples()
    {
        // Single faults keep this quick; the pairwise run is checked in ValidationTests.
        var first = JsonConvert.SerializeObject(Shared.Engine.Validation.ValidateAll(maxFaults: 1));
        var second = JsonConvert.SerializeObject(Shared.Engine.Validation.ValidateAll(maxFaults: 1));

        Assert.AreEqual(first, second);
    }
}
