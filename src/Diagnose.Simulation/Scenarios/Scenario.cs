using Diagnose.Knowledge.Articles;
using Diagnose.Knowledge.Events;

namespace Diagnose.Simulation.Scenarios;

/// <summary>A run an article declares in its <c>incidents</c> (kb/), ready to run with a seed.</summary>
public sealed class Scenario
{
    internal Scenario(string article, Incident incident, EventCatalog events)
    {
        Events = events;
        Article = article;
        Incident = incident;
    }

    public string Name => Incident.Id;

    /// <summary>The article that declares this run.</summary>
    public string Article { get; }

    /// <summary>The article whose diagnosis the run must give, or null for a healthy control.</summary>
    public string? Kb => Incident.Diagnosed ? Article : null;

    public string Description => Incident.Description;

    public Incident Incident { get; }

    /// <summary>The event catalog the run's events are written from.</summary>
    public EventCatalog Events { get; }

    public SimulationRun Run(ScenarioOptions options) => IncidentInterpreter.Run(Incident, Name, Kb, Events, options);
}
