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

    /// <summary>The run's name (its incident id), which <c>diagnose simulate</c> and <c>POST /api/validate</c> take.</summary>
    public string Name => Incident.Id;

    /// <summary>The article that declares this run.</summary>
    public string Article { get; }

    /// <summary>The article whose diagnosis the run must give, or null for a healthy control.</summary>
    public string? Kb => Incident.Diagnosed ? Article : null;

    /// <summary>What the run shows, in a sentence.</summary>
    public string Description => Incident.Description;

    /// <summary>The incident as the article declares it.</summary>
    public Incident Incident { get; }

    /// <summary>The event catalog the run's events are written from.</summary>
    public EventCatalog Events { get; }

    /// <summary>Runs the incident on a new simulated cluster; the same options always give the same run.</summary>
    /// <exception cref="Model.SimulationException">The incident cannot run as written (no cluster to start from, a step whose precondition does not hold).</exception>
    public SimulationRun Run(ScenarioOptions options) => IncidentInterpreter.Run(Incident, Name, Kb, Events, options);
}
