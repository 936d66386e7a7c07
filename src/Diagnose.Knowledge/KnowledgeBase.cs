using Diagnose.Knowledge.Articles;
using Diagnose.Rules.Loading;

namespace Diagnose.Knowledge;

/// <summary>The loaded articles, by id; also the catalog rules are checked against.</summary>
public sealed class KnowledgeBase : IArticleCatalog
{
    private readonly Dictionary<string, Article> _articles;

    /// <summary>Indexes the articles by id (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Two articles have the same id.</exception>
    public KnowledgeBase(IEnumerable<Article> articles) =>
        _articles = articles.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every article, ordered by id.</summary>
    public IEnumerable<Article> Articles => _articles.Values.OrderBy(a => a.Id, StringComparer.Ordinal);

    /// <summary>The article with that id (case-insensitive), or null.</summary>
    public Article? Find(string id) => _articles.GetValueOrDefault(id);

    /// <summary>True when an article has that id (case-insensitive); rule loading rejects a reference to any other.</summary>
    public bool HasArticle(string id) => _articles.ContainsKey(id);

    /// <summary>True when the article exists and has a plan (not an anti-plan) with that id.</summary>
    public bool HasPlan(string article, string plan) => Find(article)?.Plan(plan) is not null;

    /// <summary>Every declared incident with the article that declares it, in article order.</summary>
    public IEnumerable<(Article Article, Incident Incident)> Incidents => Articles.SelectMany(a => a.Incidents.Select(i => (a, i)));

    /// <summary>An incident by its id (case-insensitive), with its article.</summary>
    public (Article Article, Incident Incident)? FindIncident(string id) =>
        Incidents.Where(x => string.Equals(x.Incident.Id, id, StringComparison.OrdinalIgnoreCase)).Select(x => ((Article, Incident)?)x).FirstOrDefault();
}
