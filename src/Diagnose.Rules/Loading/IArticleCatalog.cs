namespace Diagnose.Rules.Loading;

/// <summary>The documents rules may cite, so loading can reject a reference to an article or plan that does not exist.</summary>
public interface IArticleCatalog
{
    /// <summary>True when an article with this id exists.</summary>
    bool HasArticle(string id);

    /// <summary>True when <paramref name="article"/> exists and has a fix plan named <paramref name="plan"/>.</summary>
    bool HasPlan(string article, string plan);
}
