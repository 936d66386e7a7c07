using Diagnose.Rules.Loading;

namespace Diagnose.Rules.Tests;

/// <summary>An in-memory article catalog: article id → plan ids.</summary>
internal sealed class TestCatalog(Dictionary<string, string[]> articles) : IArticleCatalog
{
    public bool HasArticle(string id) => articles.ContainsKey(id);

    public bool HasPlan(string article, string plan) => articles.TryGetValue(article, out var plans) && plans.Contains(plan);
}
