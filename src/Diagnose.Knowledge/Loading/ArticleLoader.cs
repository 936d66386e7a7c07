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
            if (string.IsNullOrWhiteSpace(incident.Id) || string.IsNullOrWhiteSpace(incident.Model) || string.IsNullOrWhiteSpace(incident.Description))
            {
                var (l, c) = JsonPositions.Of(at);
                problems.Add(new RuleProblem(file, l, c, "each of 'incidents' needs an 'id', a 'model' and a 'description'"));
                continue;
            }

            if (result.Any(x => string.Equals(x.Id, incident.Id, StringComparison.OrdinalIgnoreCase)))
            {
                var (l, c) = JsonPositions.Of(at["id"] ?? at);
                problems.Add(new RuleProblem(file, l, c, $"incident id '{incident.Id}' is used twice in this article"));
                continue;
            }

            result.Add(new Incident { Id = incident.Id, Model = incident.Model, Variant = incident.Variant, Description = incident.Description, Diagnosed = incident.Diagnosed });
        }

        return result;
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

            for (var s = 0; s < plan.Steps.Count; s++)
            {
                var step = plan.Steps[s];
                if (step.Op is null || !Operations.All.ContainsKey(step.Op))
                {
                    Problem(at.SelectToken($"steps[{s}].op") ?? at, $"unknown operation '{step.Op}' in plan '{plan.Id}': expected one of {string.Join(", ", Operations.All.Keys)}");
                }

                else if (OperationArguments.Required.TryGetValue(step.Op, out var required) && required.Where(a => !step.Args.ContainsKey(a)).ToList() is { Count: > 0 } missing)
                {
                    Problem(at.SelectToken($"steps[{s}]"), $"step {s + 1} of plan '{plan.Id}' ({step.Op}) needs argument(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
                }

                if (string.IsNullOrWhiteSpace(step.Text))
                {
                    Problem(at.SelectToken($"steps[{s}]"), $"step {s + 1} of plan '{plan.Id}' needs a 'text' for the person doing it");
                }
            }

            result.Add(new FixPlan
            {
                Id = plan.Id,
                Title = plan.Title,
                AppliesWhen = plan.AppliesWhen,
                Warning = plan.Warning,
                Incident = plan.Incident,
                Steps = plan.Steps.Select(s => new PlanStep(s.Op ?? "", s.Args, s.Text ?? "")).ToList(),
            });
        }

        return result;
    }
}
