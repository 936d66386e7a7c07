namespace Diagnose.Rules.Loading;

/// <summary>The documents rules may cite, so loading can reject a reference to an article or plan that does not exist.</summary>
public interface IArticleCatalog
{
    bool HasArticle(string id);

    bool HasPlan(string article, string plan);
}
