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
            if (string.IsNullOrWhiteSpace(incident.Id) || string.IsNullOrWhiteSpace(incident.Description) || written == !string.IsNullOrWhiteSpace(incident.Model))
            {
                Problem(at, "each of 'incidents' needs an 'id', a 'description', and either a 'model' or 'operations' (with the 'cluster' they start from)");
                continue;
            }

            var before = problems.Count;
            var cluster = written ? Cluster(incident, at, Problem) : null;
            Steps(incident.Operations, $"incident '{incident.Id}'", at, Problem);
            var (roles, sets, choices) = IncidentPlaceholders.Read(incident, cluster, at, Problem);
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
                if (string.IsNullOrWhiteSpace(entry.Fact))
                {
                    var (l, c) = JsonPositions.Of(at.SelectToken($"reproduces[{j}]") ?? at);
                    problems.Add(new RuleProblem(file, l, c, "each of 'reproduces' needs a 'fact' (a fact type) and 'same' (the fields the replay must log with the same values)"));
                    continue;
                }

                reproduces.Add(new ReplayEvidence(entry.Fact, entry.Same));
            }

            result.Add(new Incident
            {
                Id = incident.Id, Model = incident.Model, Variant = incident.Variant, Description = incident.Description, Diagnosed = incident.Diagnosed, Reproduces = reproduces,
                Cluster = cluster,
                Roles = roles, Sets = sets, Choices = choices,
                Operations = incident.Operations.Select(s => new PlanStep(s.Op ?? "", s.Args, s.Text ?? "")).ToList(),
            });
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
            var resources = group.Resources.Select(r => new IncidentResource(r.Name ?? "", r.Type ?? "", r.Service, r.Database, r.FailedEvent)).ToList();
            if (string.IsNullOrWhiteSpace(group.Name) || resources.Any(r => r.Name.Length == 0 || r.Type.Length == 0))
            {
                problem(at.SelectToken("cluster.groups"), "each group needs a 'name' and each resource a 'name' and a 'type'");
            }

            foreach (var r in resources.Where(r => r.Database is not null && !databases.Any(d => d.Instance == r.Database)))
            {
                problem(at.SelectToken("cluster.groups"), $"resource '{r.Name}' opens database '{r.Database}', which 'cluster.databases' does not declare");
            }

            groups.Add(new IncidentGroup(group.Name ?? "", resources));
        }

        return new IncidentCluster(os, groups, databases, DateTime.SpecifyKind(start, DateTimeKind.Utc));
    }

    /// <summary>Checks a plan's steps or an incident's operations: known operations, the arguments each needs, a text.</summary>
    private static void Steps(List<ArticleFile.StepFile> steps, string owner, JToken at, Action<JToken?, string> problem)
    {
        for (var s = 0; s < steps.Count; s++)
        {
            var step = steps[s];
            if (step.Op is null || !Operations.All.ContainsKey(step.Op))
            {
                problem(at.SelectToken($"steps[{s}].op") ?? at.SelectToken($"operations[{s}].op"), $"unknown operation '{step.Op}' in {owner}: expected one of {string.Join(", ", Operations.All.Keys)}");
            }
            else if (OperationArguments.Required.TryGetValue(step.Op, out var required) && required.Where(a => !step.Args.ContainsKey(a)).ToList() is { Count: > 0 } missing)
            {
                problem(at.SelectToken($"steps[{s}]") ?? at.SelectToken($"operations[{s}]"), $"step {s + 1} of {owner} ({step.Op}) needs argument(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }

            if (string.IsNullOrWhiteSpace(step.Text))
            {
                problem(at.SelectToken($"steps[{s}]") ?? at.SelectToken($"operations[{s}]"), $"step {s + 1} of {owner} needs a 'text' for the person doing it");
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
