using Diagnose.Analysis;
using Diagnose.Api.Http;
using Diagnose.Knowledge.Articles;
using Diagnose.Rules.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Endpoints;

/// <summary><c>/api/rules</c> and <c>/api/kb</c>: what the shared engine loaded. Files are named, never their server paths.</summary>
internal static class CatalogEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/rules").WithTags("Rules");
        rules.MapGet("/", (DiagnoseEngine engine) => ApiJson.Result(engine.Rules.Rules.Select(Summary)))
            .WithSummary("Every rule: id, title, article, priority, tags and file name");
        rules.MapGet("/{id}", (string id, DiagnoseEngine engine) =>
                engine.Rules.Find(id) is { } rule ? new JsonText(Detail(rule)) : Problems.NotFound("rule", id))
            .WithSummary("One rule with its definition as written in its rule file")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var kb = app.MapGroup("/api/kb").WithTags("Knowledge articles");
        kb.MapGet("/", (DiagnoseEngine engine) => ApiJson.Result(engine.Knowledge.Articles.Select(a => new { a.Id, a.Title, a.Summary, a.AppliesTo })))
            .WithSummary("Every knowledge article: id, title, summary and what it applies to");
        kb.MapGet("/{id}", (string id, DiagnoseEngine engine) =>
                engine.Knowledge.Find(id) is { } article ? new JsonText(Detail(article)) : Problems.NotFound("knowledge article", id))
            .WithSummary("One article: symptoms, cause, fix plans with their steps, warnings, references")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static object Summary(Rule rule) => new { rule.Id, rule.Title, rule.Kb, rule.Priority, rule.Tags, File = Path.GetFileName(rule.Source) };

    private static string Detail(Rule rule)
    {
        var detail = JObject.FromObject(Summary(rule), ApiJson.Serializer);
        detail["definition"] = Definition(rule.Source);
        return detail.ToString(Formatting.Indented);
    }

    private static string Detail(Article article)
    {
        var detail = JObject.FromObject(article, ApiJson.Serializer);
        detail.Remove("source");
        detail["file"] = Path.GetFileName(article.Source);
        return detail.ToString(Formatting.Indented);
    }

    /// <summary>The rule file as written (one rule per file), read when asked: rule files are small and loaded rules never change.</summary>
    private static JToken? Definition(string file)
    {
        try
        {
            using var reader = new JsonTextReader(File.OpenText(file)) { DateParseHandling = DateParseHandling.None };
            return JToken.Load(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
