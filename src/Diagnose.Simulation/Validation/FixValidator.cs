using Diagnose.Core.Diagnostics;
using Diagnose.Core.Reports;
using Diagnose.Core.Time;
using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// Runs a plan on copies of an incident's simulated cluster: once without faults, then with each single
/// fault (one node's power or every node's power lost after a step, a move step failing once) at each step, then with every pair of
/// those up to <see cref="MaxFaults"/>. The first schedule that breaks a goal, in that order, is the
/// shortest counterexample. After a fault the person finishes the plan (starting it again once if a step
/// became impossible) and restarts what is down
/// (<see cref="Settle"/>), so a verdict is about lasting damage, not about the outage itself. A fault's power loss is
/// an outage that leaves Clusdb whole (the article's "may" taken the mild way): Clusdb emptied by a simultaneous power
/// loss is Q217147's own incident, validated by its own plans, and would refute every plan of every article alike.
/// The verdict names each labelled <see cref="Assumption"/> it rests on: one used on the way whose switch-off changes it.
/// </summary>
public sealed class FixValidator
{
    /// <summary>At most this many faults per schedule (0, 1 or 2).</summary>
    public int MaxFaults { get; init; } = 2;

    /// <summary>
    /// Validates one plan and writes its verdict once to the <c>Diagnose</c> event source (ValidationVerdict),
    /// naming <paramref name="rule"/> when a diagnosis asked for it (empty otherwise).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; it is checked before each fault schedule.</exception>
    public ValidationReport Validate(string kb, FixPlan plan, PlanKind kind, IncidentCase incident, string? rule = null, CancellationToken cancellation = default)
    {
        IReadOnlyList<BoundStep> steps;
        try
        {
            steps = incident.Binding.Bind(plan.Steps);
        }
        catch (SimulationException e)
        {
            return new ValidationReport { Kb = kb, Plan = plan.Id, Kind = kind, Verdict = Verdict.NotValidated, Reason = e.Message };
        }

        var used = new HashSet<Assumption>();
        var start = incident.Simulator.State;
        if (start.Quorum.Latest is { } latest && Invariants.RecoverableCopy(start).Version > Invariants.RecoverableCopy(WithoutOlderCheckpoints(start, latest)).Version)
        {
            used.Add(Assumption.OlderCheckpointsStay);
        }

        var result = Run(kb, plan.Id, kind, incident, steps, incident.Simulator.AssumptionsOff, used, cancellation);
        var reliance = new List<AssumptionReliance>();
        foreach (var assumption in used.Order())
        {
            var off = new HashSet<Assumption>(incident.Simulator.AssumptionsOff) { assumption };
            var without = Run(kb, plan.Id, kind, Without(incident, assumption, off), steps, off, [], cancellation).Verdict;
            if (without != result.Verdict)
            {
                reliance.Add(new AssumptionReliance(assumption.Name(), without));
            }
        }

        if (reliance.Count > 0)
        {
            result = new ValidationReport
            {
                Kb = result.Kb, Plan = result.Plan, Kind = result.Kind, Verdict = result.Verdict, FaultSchedules = result.FaultSchedules,
                Counterexample = result.Counterexample, Trace = result.Trace, Reason = result.Reason, Assumptions = reliance,
            };
        }

        DiagnoseEventSource.Log.ValidationVerdict(rule ?? "", result.Plan, result.Verdict.Name(), result.FaultSchedules,
            result.Counterexample is { } c ? $"{c.Invariant}: {c.Detail}" : result.Reason ?? "");
        return result;
    }

    /// <summary>
    /// The incident as it would be without <paramref name="assumption"/>, as far as its state shows it: without
    /// <see cref="Assumption.OlderCheckpointsStay"/> only the newest checkpoint is on the quorum disk.
    /// </summary>
    private static IncidentCase Without(IncidentCase incident, Assumption assumption, IReadOnlySet<Assumption> off)
    {
        var sim = incident.Simulator.Fork(seed: 7, off, []);
        if (assumption == Assumption.OlderCheckpointsStay && sim.State.Quorum.Latest is { } latest)
        {
            sim.State.Quorum.Checkpoints.RemoveAll(c => c != latest);
        }

        return incident with { Simulator = sim };
    }

    private static ClusterState WithoutOlderCheckpoints(ClusterState state, Checkpoint latest)
    {
        var copy = state.Clone();
        copy.Quorum.Checkpoints.RemoveAll(c => c != latest);
        return copy;
    }

    /// <summary>
    /// The plan's mutants on the same incident and faults: each step removed (all copies a placeholder made of it), then
    /// each adjacent pair of steps swapped. A removal that still validates reports the step's <see cref="PlanStep.Precaution"/>.
    /// </summary>
    public IReadOnlyList<MutantReport> Mutants(string kb, FixPlan plan, IncidentCase incident, CancellationToken cancellation = default)
    {
        IReadOnlyList<BoundStep> steps;
        try
        {
            steps = incident.Binding.Bind(plan.Steps);
        }
        catch (SimulationException)
        {
            return [];
        }

        var mutants = new List<MutantReport>();
        for (var number = 1; number <= plan.Steps.Count; number++)
        {
            var removed = steps.Where(s => s.Number != number).ToList();
            var result = Run(kb, plan.Id, PlanKind.Plan, incident, removed, incident.Simulator.AssumptionsOff, [], cancellation);
            mutants.Add(Mutant(result, step: number, swap: null, result.Verdict == Verdict.Validated ? plan.Steps[number - 1].Precaution : null));
        }

        for (var number = 1; number < plan.Steps.Count; number++)
        {
            var n = number;
            var swapped = steps.Where(s => s.Number < n).Concat(steps.Where(s => s.Number == n + 1)).Concat(steps.Where(s => s.Number == n)).Concat(steps.Where(s => s.Number > n + 1)).ToList();
            var result = Run(kb, plan.Id, PlanKind.Plan, incident, swapped, incident.Simulator.AssumptionsOff, [], cancellation);
            mutants.Add(Mutant(result, step: null, swap: [n, n + 1], precaution: null));
        }

        return mutants;
    }

    private static MutantReport Mutant(ValidationReport result, int? step, IReadOnlyList<int>? swap, string? precaution) => new()
    {
        Step = step, Swap = swap, Verdict = result.Verdict, Invariant = result.Counterexample?.Invariant,
        Reason = result.Verdict == Verdict.Validated ? null : result.Reason, Precaution = precaution,
    };

    private ValidationReport Run(string kb, string planId, PlanKind kind, IncidentCase incident, IReadOnlyList<BoundStep> steps, IReadOnlySet<Assumption> off, HashSet<Assumption> used, CancellationToken cancellation)
    {
        var start = incident.Simulator;
        var recoverable = Invariants.RecoverableCopy(start.State);
        var runs = 0;
        foreach (var schedule in Schedules(steps, start.State.Nodes.Select(n => n.Name).ToList()))
        {
            cancellation.ThrowIfCancellationRequested();
            runs++;
            if (Run(start, steps, schedule, recoverable, incident.Affected, off, used, logging: false) is not null)
            {
                var trace = new List<string>();
                var broken = Run(start, steps, schedule, recoverable, incident.Affected, off, [], logging: true, trace)!.Value;
                var counterexample = new Counterexample(trace, schedule.Select(f => f.Describe(steps)).ToList(), broken.Invariant, broken.Detail, broken.Events);
                return new ValidationReport
                {
                    Kb = kb, Plan = planId, Kind = kind, Verdict = Verdict.Refuted, FaultSchedules = runs, Counterexample = counterexample,
                    Trace = [.. trace, $"broken: {broken.Invariant}: {broken.Detail}", .. broken.Events.Select(e => $"event: {e}")],
                    Reason = $"{broken.Invariant}: {broken.Detail}{(schedule.Count == 0 ? " (without any fault)" : $" (with: {string.Join("; ", counterexample.Faults)})")}",
                };
            }
        }

        return new ValidationReport { Kb = kb, Plan = planId, Kind = kind, Verdict = Verdict.Validated, FaultSchedules = runs };
    }

    /// <summary>The schedules in the order a shortest counterexample is searched: none, each single fault, each pair.</summary>
    public IEnumerable<IReadOnlyList<Fault>> Schedules(IReadOnlyList<BoundStep> steps, IReadOnlyList<string> nodes)
    {
        yield return [];
        if (MaxFaults < 1)
        {
            yield break;
        }

        var singles = new List<Fault>();
        for (var i = 0; i < steps.Count; i++)
        {
            singles.AddRange(nodes.Select(n => new Fault(i, FaultKind.NodePowerLoss, n)));
            singles.Add(new Fault(i, FaultKind.ClusterPowerLoss));
            if (steps[i].Operation == "move-group")
            {
                singles.Add(new Fault(i, FaultKind.FailedMove));
            }
        }

        foreach (var fault in singles)
        {
            yield return [fault];
        }

        if (MaxFaults < 2)
        {
            yield break;
        }

        for (var a = 0; a < singles.Count; a++)
        {
            for (var b = a + 1; b < singles.Count; b++)
            {
                yield return [singles[a], singles[b]];
            }
        }
    }

    private static (string Invariant, string Detail, IReadOnlyList<string> Events)? Run(ClusterSimulator start, IReadOnlyList<BoundStep> steps, IReadOnlyList<Fault> schedule, (int Version, string Copy) recoverable, IReadOnlyList<string> affected, IReadOnlySet<Assumption> off, HashSet<Assumption> used, bool logging, List<string>? trace = null)
    {
        var sim = start.Fork(seed: 7, off, used);
        sim.Logging = logging;
        var from = sim.Journal.Count;
        IReadOnlyList<string> Events() => sim.Journal.Events.Skip(from).Select(e =>
            $"{IsoTime.Format(e.TimeUtc, IsoPrecision.Seconds)} {e.Node} {e.Channel} {e.Provider} {e.EventId}: {e.Message}").ToList();

        var fired = new HashSet<Fault>();
        var restarted = false;
        void Fire(int step, bool before)
        {
            foreach (var fault in schedule.Where(f => f.Step == step && f.BeforeStep == before && fired.Add(f)))
            {
                trace?.Add($"fault: {fault.Describe(steps)}");
                Inject(sim, steps[step], fault);
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            Fire(i, before: true);
            trace?.Add(steps[i].ToString());
            try
            {
                StepExecutor.Execute(sim, steps[i]);
            }
            catch (SimulationException e) when (fired.Count > 0 && !restarted)
            {
                // A fault undid earlier steps: the person starts the procedure again, once.
                restarted = true;
                trace?.Add($"step {steps[i].Number} cannot be done ({e.Message}): the procedure is started again from step 1");
                i = -1;
                continue;
            }
            catch (SimulationException e)
            {
                return (Invariants.StepPossible, $"step {steps[i].Number} ({steps[i].Operation}) cannot be done: {e.Message}", Events());
            }
            catch (InvariantException e)
            {
                return (e.Invariant, $"step {steps[i].Number} ({steps[i].Operation}): {e.Detail}", Events());
            }

            Fire(i, before: false);
        }

        if (schedule.Count > 0)
        {
            Settle(sim);
        }

        return Invariants.Check(sim, recoverable, affected) is { } broken ? (broken.Invariant, broken.Detail, Events()) : null;
    }

    private static void Inject(ClusterSimulator sim, BoundStep step, Fault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.NodePowerLoss:
                if (sim.State.Node(fault.Node!).Powered)
                {
                    sim.PowerLoss([fault.Node!], HiveDamage.None);
                    sim.Wait(300);
                    sim.PowerRestored([fault.Node!]);
                }

                break;
            case FaultKind.ClusterPowerLoss:
                var powered = sim.State.Nodes.Where(n => n.Powered).Select(n => n.Name).ToList();
                sim.PowerLoss(powered, HiveDamage.None);
                sim.Wait(300);
                sim.PowerRestored(powered);
                break;
            case FaultKind.FailedMove:
                try
                {
                    sim.FailedMove(step.Arg("group"), step.Arg("to"));
                }
                catch (SimulationException)
                {
                    // The move would have been refused anyway; the step itself says why.
                }

                break;
        }
    }

    /// <summary>
    /// After a fault the person finishes the job: on each running node (newest valid Clusdb first) starts
    /// ClusDisk and the cluster service if they are not running, then brings every group online.
    /// </summary>
    public static void Settle(ClusterSimulator sim)
    {
        foreach (var node in sim.State.Nodes.Where(n => n.Powered && !n.RecoveryInstall && !n.Member)
            .OrderByDescending(n => n.Clusdb.Usable).ThenByDescending(n => n.Clusdb.ConfigVersion).ToList())
        {
            try
            {
                sim.NetStart(node.Name, "clusdisk");
                sim.StartClusterService(node.Name);
            }
            catch (SimulationException)
            {
                // Nothing more a person can do from here; the goals will say what is left broken.
            }
        }

        foreach (var group in sim.State.Groups.Where(g => g.Resources.Any(r => r.State != ResourceState.Online)))
        {
            try
            {
                sim.BringOnline(group.Name);
            }
            catch (SimulationException)
            {
                // As above.
            }
        }
    }
}
