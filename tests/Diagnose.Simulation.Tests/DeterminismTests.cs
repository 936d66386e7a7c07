using Diagnose.Simulation.Output;
using Diagnose.Simulation.Scenarios;
using Diagnose.Simulation.Validation;
using Newtonsoft.Json;

namespace Diagnose.Simulation.Tests;

/// <summary>Same seed, same run: byte-identical logs and snapshot, and the same verdicts.</summary>
[TestClass]
public sealed class DeterminismTests
{
    [TestMethod]
    [DataRow("KB293302", 7)]
    [DataRow("Q188674", 11)]
    [DataRow("Q217147", 23)]
    public void Simulate_SameSeedTwice_WritesByteIdenticalFiles(string scenario, int seed)
    {
        using var temp = new TempFolder();
        var options = new ScenarioOptions(seed, Nodes: 3, Noise: 25);
        var first = SimulationOutput.Write(ScenarioCatalog.Find(scenario)!.Run(options), temp.Sub("a"));
        var second = SimulationOutput.Write(ScenarioCatalog.Find(scenario)!.Run(options), temp.Sub("b"));

        CollectionAssert.AreEqual(first.Select(Path.GetFileName).ToArray(), second.Select(Path.GetFileName).ToArray());
        for (var i = 0; i < first.Count; i++)
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(first[i]), File.ReadAllBytes(second[i]), Path.GetFileName(first[i]));
        }

        var other = SimulationOutput.Write(ScenarioCatalog.Find(scenario)!.Run(options with { Seed = seed + 1 }), temp.Sub("c"));
        Assert.IsFalse(first.Zip(other).All(p => File.ReadAllBytes(p.First).AsSpan().SequenceEqual(File.ReadAllBytes(p.Second))), "another seed gives another run");
    }

    [TestMethod]
    public void ValidateAll_Twice_GivesTheSameVerdictsAndCounterexamples()
    {
        // Single faults keep this quick; the pairwise run is checked in ValidationTests.
        var first = JsonConvert.SerializeObject(KnowledgeValidation.ValidateAll(Shared.Engine.Knowledge, new FixValidator { MaxFaults = 1 }));
        var second = JsonConvert.SerializeObject(KnowledgeValidation.ValidateAll(Shared.Engine.Knowledge, new FixValidator { MaxFaults = 1 }));

        Assert.AreEqual(first, second);
    }
}
