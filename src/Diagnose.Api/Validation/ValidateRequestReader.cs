using System.Text;
using Diagnose.Analysis;
using Diagnose.Core.Inputs;
using Diagnose.Core.Snapshots;
using Diagnose.Ingest;
using Diagnose.Ingest.Readers;
using Diagnose.Knowledge.Articles;
using Diagnose.Core.Reports;
using Diagnose.Simulation.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Validation;

/// <summary>
/// Checks a <c>POST /api/validate</c> body against the loaded articles and the scenario catalogue. Every
/// refusal names the field with its line and column (and a step by its index) and says what was expected.
/// </summary>
internal static class ValidateRequestReader
{
    /// <summary>More steps would make pairwise schedules explode; the articles' longest plan has far fewer.</summary>
    public const int MaxSteps = 40;

    private static readonly string[] Keys = ["kb", "plan", "steps", "name", "scenario", "seed", "nodes", "snapshot", "pairwise"];
    private static readonly string[] StepKeys = ["op", "args", "text"];

    /// <exception cref="ValidateRequestException">The body is malformed (400), names something unknown (404) or cannot be run (422).</exception>
    public static ValidateRequest Read(string body, DiagnoseEngine engine)
    {
        var root = Parse(body);
        foreach (var property in root.Properties().Where(p => !Keys.Contains(p.Name, StringComparer.Ordinal)))
        {
            throw Invalid(property, $"unknown field '{property.Name}': expected {string.Join(", ", Keys)}");
        }

        var kb = String(root, "kb") ?? throw Invalid(root, "'kb' is required: the id of a knowledge article (kb/*.json)");
        var article = engine.Knowledge.Find(kb)
            ?? throw new ValidateRequestException(StatusCodes.Status404NotFound, "not-found", "Unknown knowledge article", $"there is no knowledge article with id '{kb}'");

        var planId = String(root, "plan");
        var steps = root["steps"];
        if ((planId is null) == (steps is null))
        {
            throw Invalid(root, "give either 'plan' (the id of one of the article's plans or anti-plans) or 'steps' (a list of {op, args, text}), not both or neither");
        }

        FixPlan plan;
        PlanKind kind;
        if (planId is not null)
        {
            (plan, kind) = article.Plans.FirstOrDefault(p => p.Id == planId) is { } documented ? (documented, PlanKind.Plan)
                : article.AntiPlans.FirstOrDefault(p => p.Id == planId) is { } anti ? (anti, PlanKind.AntiPlan)
                : throw new ValidateRequestException(StatusCodes.Status404NotFound, "not-found", "Unknown plan",
                    $"article {article.Id} has no plan or anti-plan '{planId}': expected one of {string.Join(", ", article.Plans.Concat(article.AntiPlans).Select(p => p.Id))}");
        }
        else
        {
            var name = String(root, "name") ?? "custom";
            plan = new FixPlan { Id = name, Title = name, Steps = Steps(steps!) };
            kind = PlanKind.Plan;
        }

        var scenario = String(root, "scenario");
        var seedToken = root["seed"];
        var nodesToken = root["nodes"];
        var snapshotToken = root["snapshot"];
        var pairwise = root["pairwise"] is { } flag ? (flag.Type == JTokenType.Boolean ? (bool)flag : throw Invalid(flag, "'pairwise' must be true or false")) : false;
        if (scenario is not null && snapshotToken is not null)
        {
            throw Invalid(snapshotToken, "give either 'scenario' or 'snapshot', not both");
        }

        if (scenario is null && (seedToken ?? nodesToken) is { } stray)
        {
            throw Invalid(stray, "'seed' and 'nodes' choose a scenario's variant: give a 'scenario' with them");
        }

        if (scenario is not null)
        {
            var scenarios = engine.Validation.Scenarios;
            var found = scenarios.Find(scenario)
                ?? throw new ValidateRequestException(StatusCodes.Status404NotFound, "not-found", "Unknown scenario",
                    $"there is no scenario '{scenario}': expected one of {string.Join(", ", scenarios.All.Select(s => s.Name))}");

            // A scenario is declared by one article (kb/ incidents); another article's incident binds none of this plan's names.
            if (!found.Article.Equals(article.Id, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid(root.Property("scenario")!, $"scenario '{found.Name}' is an incident of {found.Article}, not {article.Id}: expected one of {string.Join(", ", scenarios.All.Where(s => s.Article.Equals(article.Id, StringComparison.OrdinalIgnoreCase)).Select(s => s.Name))}");
            }

            var seed = seedToken is null ? 1 : Integer(seedToken, "seed", int.MinValue, int.MaxValue);
            int? nodes = nodesToken is null ? null : Integer(nodesToken, "nodes", 2, 4);
            return new ValidateRequest(article, plan, kind, new ScenarioSource(found.Name, seed, nodes), pairwise);
        }

        if (snapshotToken is not null)
        {
            return new ValidateRequest(article, plan, kind, new SnapshotSource(Snapshot(body, snapshotToken)), pairwise);
        }

        if (planId is null)
        {
            throw Invalid(root, "steps need somewhere to run: give a 'scenario' (see diagnose simulate --list) or a cluster 'snapshot'");
        }

        return new ValidateRequest(article, plan, kind, new PlanIncidentSource(), pairwise);
    }

    private static JObject Parse(string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            if (reader.Read())
            {
                throw Malformed($"unexpected content after the request object at line {reader.LineNumber}, column {reader.LinePosition}");
            }

            return token as JObject ?? throw Malformed($"the request must be a JSON object, found {token.Type}");
        }
        catch (JsonReaderException e)
        {
            throw Malformed($"the JSON body could not be read at line {e.LineNumber}, column {e.LinePosition}: {e.Message}");
        }
    }

    private static List<PlanStep> Steps(JToken token)
    {
        if (token is not JArray array || array.Count == 0 || array.Count > MaxSteps)
        {
            throw Invalid(token, $"'steps' must be a list of 1 to {MaxSteps} steps, each {{\"op\": …, \"args\": {{…}}, \"text\": …}}");
        }

        var steps = new List<PlanStep>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JObject step)
            {
                throw BadStep(array[i], i, "must be an object with 'op', 'args' and 'text'");
            }

            if (step.Properties().FirstOrDefault(p => !StepKeys.Contains(p.Name, StringComparer.Ordinal)) is { } unknown)
            {
                throw BadStep(unknown, i, $"has an unknown field '{unknown.Name}': expected op, args, text");
            }

            var op = step["op"] is { Type: JTokenType.String } o ? (string)o! : throw BadStep(step["op"] ?? step, i, "needs 'op', a string");
            if (!Operations.All.ContainsKey(op))
            {
                throw BadStep(step["op"]!, i, $"has unknown operation '{op}': expected one of {string.Join(", ", Operations.All.Keys)}");
            }

            var args = new Dictionary<string, string>(StringComparer.Ordinal);
            if (step["args"] is { } argsToken)
            {
                if (argsToken is not JObject argsObject)
                {
                    throw BadStep(argsToken, i, "has 'args' that is not an object of string values");
                }

                foreach (var arg in argsObject.Properties())
                {
                    args[arg.Name] = arg.Value.Type == JTokenType.String ? (string)arg.Value! : throw BadStep(arg.Value, i, $"has argument '{arg.Name}' that is not a string");
                }
            }

            var missing = OperationArguments.Required.GetValueOrDefault(op, []).Where(a => !args.ContainsKey(a)).ToList();
            if (missing.Count > 0)
            {
                throw BadStep(step, i, $"({op}) needs argument(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }

            var text = step["text"] is { } t ? (t.Type == JTokenType.String ? (string)t! : throw BadStep(t, i, "has 'text' that is not a string")) : Operations.All[op];
            steps.Add(new PlanStep(op, args, text));
        }

        return steps;
    }

    /// <summary>
    /// Reads the embedded snapshot with the snapshot file's own strict reader. It is given the body's text with
    /// everything before the snapshot blanked out (line breaks kept), so its problems carry the body's lines and columns.
    /// </summary>
    private static ClusterSnapshot Snapshot(string body, JToken token)
    {
        if (token is not JObject)
        {
            throw Invalid(token, "'snapshot' must be a cluster snapshot object (README \"Cluster snapshot\")");
        }

        var (start, end) = Span(body);
        var text = new StringBuilder(end + 1);
        foreach (var c in body.AsSpan(0, start))
        {
            text.Append(c is '\n' or '\r' ? c : ' ');
        }

        text.Append(body, start, end - start + 1);
        var summary = new InputSummary("snapshot");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var snapshot = SnapshotReader.Read(stream, new ReadContext("snapshot", summary));
        if (snapshot is null || summary.Problems.Count > 0)
        {
            var problems = summary.Problems.Select(p => $"line {p.Line}, column {p.Column}: {p.Message}").ToList();
            throw new ValidateRequestException(StatusCodes.Status422UnprocessableEntity, "invalid-snapshot", "Invalid cluster snapshot",
                $"the snapshot is not a valid cluster snapshot: {string.Join("; ", problems)}",
                new Dictionary<string, object?> { ["errors"] = summary.Problems.Select(p => new { message = p.Message, line = p.Line, column = p.Column }).ToList() });
        }

        return snapshot;
    }

    /// <summary>Where the top-level <c>snapshot</c> object starts and ends in the body (character indexes of its braces).</summary>
    private static (int Start, int End) Span(string body)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        // Json.NET's position is the 1-based column of a token's last character.
        int Index(JsonTextReader r) => lineStarts[r.LineNumber - 1] + r.LinePosition - 1;
        using var reader = new JsonTextReader(new StringReader(body));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
            if (name == "snapshot")
            {
                var start = Index(reader);
                reader.Skip();
                return (start, Index(reader));
            }

            reader.Skip();
        }

        throw new InvalidOperationException("the snapshot property was parsed but not found again");
    }

    private static string? String(JObject root, string key) => root[key] switch
    {
        null or { Type: JTokenType.Null } => null,
        { Type: JTokenType.String } s when ((string)s!).Length > 0 => (string)s!,
        var other => throw Invalid(other, $"'{key}' must be a non-empty string"),
    };

    private static int Integer(JToken token, string key, int min, int max) =>
        token.Type == JTokenType.Integer && (long)token >= min && (long)token <= max
            ? (int)token
            : throw Invalid(token, min == int.MinValue ? $"'{key}' must be an integer" : $"'{key}' must be an integer from {min} to {max}");

    private static ValidateRequestException Malformed(string detail) =>
        new(StatusCodes.Status400BadRequest, "malformed-json", "Malformed JSON", detail);

    private static ValidateRequestException Invalid(JToken at, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid-request", "Invalid validation request", $"{Where(at)}{message}");

    private static ValidateRequestException BadStep(JToken at, int index, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, "bad-step", "Invalid plan step", $"{Where(at)}steps[{index}] {message}",
            new Dictionary<string, object?> { ["step"] = index });

    private static string Where(JToken at) =>
        at is IJsonLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}, column {info.LinePosition}: " : "";
}
