using Diagnose.Knowledge.Articles;
using Diagnose.Rules.Loading;

namespace Diagnose.Knowledge;

/// <summary>The loaded articles, by id; also the catalog rules are checked against.</summary>
public sealed class KnowledgeBase : IArticleCatalog
{
    private readonly Dictionary<string, Article> _articles;

    public KnowledgeBase(IEnumerable<Article> articles) =>
        _articles = articles.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<Article> Articles => _articles.Values.OrderBy(a => a.Id, StringComparer.Ordinal);

    public Article? Find(string id) => _articles.GetValueOrDefault(id);

    public bool HasArticle(string id) => _articles.ContainsKey(id);

    public bool HasPlan(string article, string plan) => Find(article)?.Plan(plan) is not null;

    /// <summary>Every declared incident with the article that declares it, in article order.</summary>
    public IEnumerable<(Article Article, Incident Incident)> Incidents => Articles.SelectMany(a => a.Incidents.Select(i => (a, i)));

    /// <summary>An incident by its id (case-insensitive), with its article.</summary>
    public (Article Article, Incident Incident)? FindIncident(string id) =>
        Incidents.Where(x => string.Equals(x.Incident.Id, id, StringComparison.OrdinalIgnoreCase)).Select(x => ((Article, Incident)?)x).FirstOrDefault();
}
