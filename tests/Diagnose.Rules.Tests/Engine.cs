using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Tests;

/// <summary>A session over rules written into a temporary folder, with shorthands for test facts.</summary>
internal sealed class Engine : IDisposable
{
    private readonly RuleFolder _folder = new();

    public Engine(params string[] rules)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            _folder.Write($"rule{i}.json", rules[i]);
        }

        var result = _folder.Load();
        Assert.IsTrue(result.Ok, string.Join("\n", result.Problems));
        Rules = result.RuleSet;
        Session = new RuleSession(Rules);
    }

    public Model.RuleSet Rules { get; }

    public RuleSession Session { get; }

    public Fact Ev(string node, long id, int minutes, string? text = null) => TestSchemas.Ev(Rules.Schemas, node, id, minutes, text);

    public Fact Add(string node, long id, int minutes, string? text = null)
    {
        var fact = Ev(node, id, minutes, text);
        Session.Insert(fact);
        return fact;
    }

    public int Fired(string rule) => Session.FiringCounts.GetValueOrDefault(rule);

    public string[] Texts() => [.. Session.Conclusions.Select(c => c.Text)];

    public void Dispose() => _folder.Dispose();
}
