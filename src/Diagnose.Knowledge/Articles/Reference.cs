namespace Diagnose.Knowledge.Articles;

/// <summary>Another article the source refers to.</summary>
public sealed record Reference(string Id, string Title);
