using Diagnose.Knowledge;
using Diagnose.Knowledge.Events;

namespace Diagnose.Simulation.Scenarios;

/// <summary>Every run the loaded articles declare (kb/*.json <c>incidents</c>), by name (case-insensitive).</summary>
public sealed class ScenarioCatalog
{
    /// <summary>The runs every loaded article declares, each writing its events from <paramref name="events"/>.</summary>
    public ScenarioCatalog(KnowledgeBase knowledge, EventCatalog events) =>
        All = knowledge.Incidents.Select(x => new Scenario(x.Article.Id, x.Incident, events)).ToList();

    /// <summary>Every run, in article order.</summary>
    public IReadOnlyList<Scenario> All { get; }

    /// <summary>The run of that name (case-insensitive), or null.</summary>
    public Scenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
