using BenchmarkDotNet.Attributes;
using Diagnose.Analysis;
using Diagnose.Rules.Engine;
using Diagnose.Rules.Loading;
using Diagnose.Rules.Model;

namespace Diagnose.Benchmarks;

/// <summary>
/// What one analysis (one REST upload) pays for its rule session. The facts are the positive examples of
/// every built-in rule, together: a small incident of the size the bundled samples give. Baseline: a session
/// on the engine's shared network (what <c>DiagnoseEngine</c> does now). Against it: building the network for
/// the analysis (what each analysis did before), and loading the rule files as well.
/// </summary>
[MemoryDiagnoser]
public class SessionBenchmarks
{
    private DiagnoseEngine _engine = null!;
    private SessionFactory _shared = null!;
    private List<ExampleFact> _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = DiagnoseEngine.Load();
        _shared = SessionFactory.Compile(_engine.Rules);
        _facts = [.. _engine.Rules.Rules.SelectMany(r => r.Examples).Where(e => e.Firings != 0).SelectMany(e => e.Facts)];
        Console.WriteLine($"// {_engine.Rules.Rules.Count} rules, {_facts.Count} facts, {SharedNetwork()} firings per analysis");
    }

    [Benchmark(Baseline = true)]
    public int SharedNetwork() => Analyse(_shared.CreateSession());

    [Benchmark]
    public int NetworkPerAnalysis() => Analyse(SessionFactory.Compile(_engine.Rules).CreateSession());

    [Benchmark]
    public int RulesLoadedAndNetworkPerAnalysis()
    {
        var loaded = RuleLoader.Load([Path.Combine(AppContext.BaseDirectory, "rules")], _engine.Knowledge);
        return Analyse(SessionFactory.Compile(loaded.RuleSet).CreateSession());
    }

    private int Analyse(RuleSession session)
    {
        foreach (var fact in _facts)
        {
            session.Insert(fact.Create());
        }

        session.Run();
        return session.Firings.Count;
    }
}
