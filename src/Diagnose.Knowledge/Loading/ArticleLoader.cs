using Diagnose.Knowledge.Articles;
using Diagnose.Knowledge.Decisions;
using Diagnose.Rules.Loading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Loading;

/// <summary>
/// Loads <c>kb/*.json</c> articles strictly: unknown fields, missing parts, unknown operations and
/// duplicate ids are reported with file, line and column; only valid articles are kept.
/// </summary>
public static class ArticleLoader
{
    private static readonly JsonSerializer Strict = JsonSerializer.Create(new JsonSerializerSettings
    {
        MissingMemberHandling = MissingMemberHandling.Error,
        ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
    });

    /// <summary>Reads every <c>*.json</c> article (not decision tables) under the folders, subfolders included.</summary>
    /// <param name="folders">The knowledge folders (<c>kb/</c> and custom ones); a missing folder is reported as a problem.</param>
    /// <returns>The valid articles, and every problem found; an article with a problem, a duplicate id or an incident id another article declares is left out.</returns>
    public static (KnowledgeBase Knowledge, IReadOnlyList<RuleProblem> Problems) Load(IEnumerable<string> folders)
    {
        var problems = new List<RuleProblem>();
        var articles = new List<Article>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                problems.Add(new RuleProblem(folder, 1, 1, "knowledge folder not found"));
                continue;
            }

            foreach (var entry in RuleLoader.Walker.Walk(folder, name => RuleLoader.IsJson(name) && !DecisionTableLoader.IsDecisionTable(name)))
            {
                if (entry.Problem is { } problem)
                {
                    problems.Add(new RuleProblem(entry.Path, 1, 1, problem));
                    continue;
                }

                var file = entry.Path;
                var article = Read(file, problems);
                if (article is null)
                {
                    continue;
                }

                if (articles.Any(a => a.Id == article.Id))
                {
                    problems.Add(new RuleProblem(file, 1, 1, $"duplicate article id '{article.Id}'"));
                    continue;
                }

                if (article.Incidents.FirstOrDefault(i => articles.Any(a => a.Incidents.Any(o => string.Equals(o.Id, i.Id, StringComparison.OrdinalIgnoreCase)))) is { } taken)
                {
                    problems.Add(new RuleProblem(file, 1, 1, $"incident id '{taken.Id}' is declared by another article too"));
                    continue;
                }

                articles.Add(article);
            }
        }

        return (new KnowledgeBase(articles), problems);
    }

    private static Article? Read(string file, List<RuleProblem> problems)
    {
        JObject root;
        ArticleFile data;
        try
        {
            using (var text = File.OpenText(file))
            {
                root = JsonPositions.LoadObject(text);
            }

            data = root.ToObject<ArticleFile>(Strict)!;
        }
        catch (JsonReaderException e)
        {
            problems.Add(new RuleProblem(file, e.LineNumber, e.LinePosition, $"not valid JSON: {e.Message}"));
            return null;
        }
        catch (JsonSerializationException e)
        {
            problems.Add(new RuleProblem(file, e.LineNumber, e.LinePosition, e.Message));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new RuleProblem(file, 1, 1, RuleLoader.Unreadable(e)));
            return null;
        }

        var before = problems.Count;
        void Need(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                var (l, c) = JsonPositions.Of(root.SelectToken(path) ?? root);
                problems.Add(new RuleProblem(file, l, c, $"missing '{path}' (non-empty string)"));
            }
        }

        Need(data.Id, "id");
        Need(data.Title, "title");
        Need(data.Summary, "summary");
        Need(data.Cause, "cause");
        var plans = Plans(file, root, "plans", data.Plans, problems);
        var antiPlans = Plans(file, root, "antiPlans", data.AntiPlans, problems);
        var incidents = Incidents(file, root, data.Incidents, problems);
        foreach (var (key, list) in new[] { ("plans", data.Plans), ("antiPlans", data.AntiPlans) })
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Incident is { } named && !incidents.Any(x => string.Equals(x.Id, named, StringComparison.OrdinalIgnoreCase)))
                {
                    var (l, c) = JsonPositions.Of(root.SelectToken($"{key}[{i}].incident") ?? root);
                    problems.Add(new RuleProblem(file, l, c, $"plan '{list[i].Id}' names incident '{named}', which this article does not declare: expected one of {string.Join(", ", incidents.Select(x => x.Id))}"));
                }
            }
        }
        if (problems.Count > before)
        {
            return null;
        }

        return new Article
        {
            Id = data.Id!,
            Title = data.Title!,
            Summary = data.Summary!,
            AppliesTo = data.AppliesTo,
            SymptomEvents = (data.Symptoms?.Events ?? []).Select(e => new SymptomEvent(e.Provider ?? "", e.EventId, e.Level ?? "", e.Log ?? "", e.KeyData, e.Meaning ?? "")).ToList(),
            Observations = data.Symptoms?.Observations ?? [],
            Cause = data.Cause!,
            Plans = plans,
            AntiPlans = antiPlans,
            ExpectedAfterFix = data.ExpectedAfterFix.Select(e => new ExpectedEvent(e.Provider ?? "", e.EventId, e.When ?? "", e.Reason ?? "")).ToList(),
            References = data.References.Select(r => new Reference(r.Id ?? "", r.Title ?? "")).ToList(),
            Incidents = incidents,
            Source = file,
        };
    }

    private static List<Incident> Incidents(string file, JObject root, List<ArticleFile.IncidentFile> incidents, List<RuleProblem> problems)
    {
        var result = new List<Incident>();
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            var at = root.SelectToken($"incidents[{i}]") ?? root;
            void Problem(JToken? token, string message)
            {
                var (l, c) = JsonPositions.Of(token ?? at);
                problems.Add(new RuleProblem(file, l, c, message));
            }

            var written = incident.Operations.Count > 0;
            var kinds = (written ? 1 : 0) + (incident.OneOf.Count > 0 ? 1 : 0);
            if (string.IsNullOrWhiteSpace(incident.Id) || string.IsNullOrWhiteSpace(incident.Description) || kinds != 1)
            {
                Problem(at, "each of 'incidents' needs an 'id', a 'description', and one of 'operations' (with the 'cluster' they start from) or 'oneOf' (incidents the seed picks from)");
                continue;
            }

            var before = problems.Count;
            var cluster = written ? Cluster(incident, at, Problem) : null;
            Steps(incident.Operations, $"incident '{incident.Id}'", at, Problem);
            Steps(incident.FollowUp, $"incident '{incident.Id}' (followUp)", at, Problem, "followUp");
            if (incident.FollowUp.Count > 0 && !written)
            {
                Problem(at["followUp"], $"incident '{incident.Id}' has a 'followUp' but no 'operations' it follows");
            }

            var (roles, sets, choices) = IncidentPlaceholders.Read(incident, cluster, at, Problem);
            foreach (var name in incident.Assumptions.Keys.Where(n => !SimulatorAssumptions.Names.Contains(n)))
            {
                Problem(at.SelectToken("assumptions")?[name], $"incident '{incident.Id}' switches unknown assumption '{name}': expected one of {string.Join(", ", SimulatorAssumptions.Names)}");
            }
            if (problems.Count > before)
            {
                continue;
            }

            if (result.Any(x => string.Equals(x.Id, incident.Id, StringComparison.OrdinalIgnoreCase)))
            {
                var (l, c) = JsonPositions.Of(at["id"] ?? at);
                problems.Add(new RuleProblem(file, l, c, $"incident id '{incident.Id}' is used twice in this article"));
                continue;
            }

            var reproduces = new List<ReplayEvidence>();
            for (var j = 0; j < incident.Reproduces.Count; j++)
            {
                var entry = incident.Reproduces[j];
                ReplayState? state = entry.State switch
                {
                    "clusdb" => ReplayState.Clusdb,
                    "newest-checkpoint" => ReplayState.NewestCheckpoint,
                    _ => null,
                };
                if (string.IsNullOrWhiteSpace(entry.Fact) == (entry.State is null) || (entry.State is not null && (state is null || entry.Same.Count > 0)))
                {
                    var (l, c) = JsonPositions.Of(at.SelectToken($"reproduces[{j}]") ?? at);
                    problems.Add(new RuleProblem(file, l, c, "each of 'reproduces' needs either a 'fact' (a fact type) and 'same' (the fields the replay must log with the same values), or a 'state' the replay must leave as the snapshot gives it ('clusdb' or 'newest-checkpoint')"));
                    continue;
                }

                reproduces.Add(new ReplayEvidence(entry.Fact ?? "", entry.Same) { State = state });
            }

            result.Add(new Incident
            {
                Id = incident.Id, Description = incident.Description, Diagnosed = incident.Diagnosed, Reproduces = reproduces,
                Cluster = cluster,
                Roles = roles, Sets = sets, Choices = choices,
                Operations = incident.Operations.Select(s => new PlanStep(s.Op ?? "", s.Args, s.Text ?? "")).ToList(),
                FollowUp = incident.FollowUp.Select(s => new PlanStep(s.Op ?? "", s.Args, s.Text ?? "")).ToList(),
                Assumptions = incident.Assumptions,
            });
        }

        return OneOf(file, root, incidents, result, problems);
    }

    /// <summary>Gives each incident with <c>oneOf</c> the incidents it names: this article's, each written as operations.</summary>
    private static List<Incident> OneOf(string file, JObject root, List<ArticleFile.IncidentFile> files, List<Incident> incidents, List<RuleProblem> problems)
    {
        var result = new List<Incident>();
        foreach (var incident in incidents)
        {
            var index = files.FindIndex(f => f.Id == incident.Id);
            var names = files[index].OneOf;
            var chosen = new List<Incident>();
            for (var k = 0; k < names.Count; k++)
            {
                if (incidents.FirstOrDefault(x => string.Equals(x.Id, names[k], StringComparison.OrdinalIgnoreCase)) is { Operations.Count: > 0 } found)
                {
                    chosen.Add(found);
                    continue;
                }

                var (l, c) = JsonPositions.Of(root.SelectToken($"incidents[{index}].oneOf[{k}]") ?? root);
                problems.Add(new RuleProblem(file, l, c, $"incident '{incident.Id}' picks from '{names[k]}', which is not an incident of this article written as operations"));
            }

            result.Add(chosen.Count == 0 ? incident : incident with { OneOf = chosen });
        }

        return result;
    }

    /// <summary>The cluster an incident written as operations starts from; every name it needs present, every database a resource opens declared.</summary>
    private static IncidentCluster? Cluster(ArticleFile.IncidentFile incident, JToken at, Action<JToken?, string> problem)
    {
        if (incident.Cluster is not { Os: { Length: > 0 } os, Start: { } start } cluster)
        {
            problem(at["cluster"] ?? at, $"incident '{incident.Id}' is written as operations and needs a 'cluster' with 'os' and 'start'");
            return null;
        }

        var databases = cluster.Databases.Select(d => new IncidentDatabase(d.Instance ?? "", d.Path ?? "")).ToList();
        if (databases.Any(d => d.Instance.Length == 0 || d.Path.Length == 0))
        {
            problem(at.SelectToken("cluster.databases"), "each database needs an 'instance' and a 'path'");
        }

        var groups = new List<IncidentGroup>();
        foreach (var group in cluster.Groups)
        {
            var resources = group.Resources.Select(r => new IncidentResource(r.Name ?? "", r.Type ?? "", r.Service, r.Database, r.FailedEvent)
            {
                Checkpoint = r.Checkpoint, StartedEvent = r.StartedEvent, DisplayName = r.DisplayName, Failover = r.Failover, Binds = r.Binds,
            }).ToList();
            if (string.IsNullOrWhiteSpace(group.Name) || resources.Any(r => r.Name.Length == 0 || r.Type.Length == 0))
            {
                problem(at.SelectToken("cluster.groups"), "each group needs a 'name' and each resource a 'name' and a 'type'");
            }

            foreach (var r in resources.Where(r => r.Database is not null && !databases.Any(d => d.Instance == r.Database)))
            {
                problem(at.SelectToken("cluster.groups"), $"resource '{r.Name}' opens database '{r.Database}', which 'cluster.databases' does not declare");
            }

            foreach (var r in resources.Where(r => r.Checkpoint is not null && (r.Service is null || r.Database is not null)))
            {
                problem(at.SelectToken("cluster.groups"), $"resource '{r.Name}' has a registry 'checkpoint', so it is a generic service: it needs a 'service' and opens no JET 'database'");
            }

            groups.Add(new IncidentGroup(group.Name ?? "", resources) { Binds = group.Binds });
        }

        var binds = groups.Select(g => g.Binds).Concat(groups.SelectMany(g => g.Resources).Select(r => r.Binds)).OfType<string>().ToList();
        foreach (var name in binds.Where(b => !(b.Length > 0 && char.IsAsciiLetter(b[0]) && b.All(char.IsAsciiLetterOrDigit)) || binds.Count(o => o == b) > 1 || incident.Roles.ContainsKey(b)).Distinct(StringComparer.Ordinal))
        {
            problem(at.SelectToken("cluster.groups"), $"'binds' names placeholder '{name}', which must be letters and digits and used once (not by a role or another group or resource)");
        }

        var osByNodes = new Dictionary<int, string>();
        foreach (var (count, nodeOs) in cluster.OsByNodeCount)
        {
            if (!int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 2 or > 4 || nodeOs.Length == 0)
            {
                problem(at.SelectToken("cluster.osByNodeCount"), $"'osByNodeCount' maps a node count (2 to 4) to an operating system; '{count}': '{nodeOs}' is not one");
                continue;
            }

            osByNodes[n] = nodeOs;
        }

        return new IncidentCluster(os, groups, databases, DateTime.SpecifyKind(start, DateTimeKind.Utc)) { OsByNodeCount = osByNodes };
    }

    /// <summary>Checks a plan's steps or an incident's operations: known operations, the arguments each needs, a text.</summary>
    private static void Steps(List<ArticleFile.StepFile> steps, string owner, JToken at, Action<JToken?, string> problem, string list = "operations")
    {
        for (var s = 0; s < steps.Count; s++)
        {
            var step = steps[s];
            if (step.Op is null || !Operations.All.ContainsKey(step.Op))
            {
                problem(at.SelectToken($"steps[{s}].op") ?? at.SelectToken($"{list}[{s}].op"), $"unknown operation '{step.Op}' in {owner}: expected one of {string.Join(", ", Operations.All.Keys)}");
            }
            else if (OperationArguments.Required.TryGetValue(step.Op, out var required) && required.Where(a => !step.Args.ContainsKey(a)).ToList() is { Count: > 0 } missing)
            {
                problem(at.SelectToken($"steps[{s}]") ?? at.SelectToken($"{list}[{s}]"), $"step {s + 1} of {owner} ({step.Op}) needs argument(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }

            if (string.IsNullOrWhiteSpace(step.Text))
            {
                problem(at.SelectToken($"steps[{s}]") ?? at.SelectToken($"{list}[{s}]"), $"step {s + 1} of {owner} needs a 'text' for the person doing it");
            }
        }
    }

    private static List<FixPlan> Plans(string file, JObject root, string key, List<ArticleFile.PlanFile> plans, List<RuleProblem> problems)
    {
        var result = new List<FixPlan>();
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var at = root.SelectToken($"{key}[{i}]") ?? root;
            void Problem(JToken? token, string message)
            {
                var (l, c) = JsonPositions.Of(token ?? at);
                problems.Add(new RuleProblem(file, l, c, message));
            }

            if (string.IsNullOrWhiteSpace(plan.Id) || string.IsNullOrWhiteSpace(plan.Title))
            {
                Problem(at, $"each of '{key}' needs an 'id' and a 'title'");
                continue;
            }

            if (result.Any(p => p.Id == plan.Id))
            {
                Problem(at["id"], $"plan id '{plan.Id}' is used twice in this article");
            }

            if (plan.Steps.Count == 0)
            {
                Problem(at, $"plan '{plan.Id}' has no steps");
            }

            Steps(plan.Steps, $"plan '{plan.Id}'", at, Problem);

            result.Add(new FixPlan
            {
                Id = plan.Id,
                Title = plan.Title,
                AppliesWhen = plan.AppliesWhen,
                Warning = plan.Warning,
                Incident = plan.Incident,
                Steps = plan.Steps.Select(s => new PlanStep(s.Op ?? "", s.Args, s.Text ?? "", string.IsNullOrWhiteSpace(s.Precaution) ? null : s.Precaution)).ToList(),
            });
        }

        return result;
    }
}
