namespace Diagnose.Analysis;

/// <summary>Where the engine finds its rules and knowledge articles: the built-in folders plus any custom ones.</summary>
public sealed record EngineOptions
{
    /// <summary>Folder that holds the built-in <c>rules/</c> and <c>kb/</c> (by default beside the program).</summary>
    public string ContentRoot { get; init; } = AppContext.BaseDirectory;

    public IReadOnlyList<string> ExtraRuleFolders { get; init; } = [];

    public IReadOnlyList<string> ExtraKnowledgeFolders { get; init; } = [];
}
