namespace Diagnose.Analysis;

/// <summary>Where the engine finds its rules and knowledge articles: the built-in folders plus any custom ones.</summary>
public sealed record EngineOptions
{
    /// <summary>Folder that holds the built-in <c>rules/</c> and <c>kb/</c> (by default beside the program).</summary>
    public string ContentRoot { get; init; } = AppContext.BaseDirectory;

    /// <summary>Rule folders loaded beside the built-in <c>rules/</c> (rules, schemas, event catalogs and resource tables), into one rule set.</summary>
    public IReadOnlyList<string> ExtraRuleFolders { get; init; } = [];

    /// <summary>Article folders loaded beside the built-in <c>kb/</c> (articles and their decision tables); rules may cite their articles.</summary>
    public IReadOnlyList<string> ExtraKnowledgeFolders { get; init; } = [];
}
