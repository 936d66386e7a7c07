using Diagnose.Knowledge;
using Diagnose.Knowledge.Events;

namespace Diagnose.Simulation.Scenarios;

/// <summary>Every run the loaded articles declare (kb/*.json <c>incidents</c>), by name (case-insensitive).</summary>
public sealed class ScenarioCatalog
{
    public ScenarioCatalog(KnowledgeBase knowledge, EventCatalog events) =>
        All = knowledge.Incidents.Select(x => new Scenario(x.Article.Id, x.Incident, events)).ToList();

    public IReadOnlyList<Scenario> All { get; }

    public Scenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
