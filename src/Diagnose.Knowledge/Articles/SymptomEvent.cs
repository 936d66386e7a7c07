namespace Diagnose.Knowledge.Articles;

/// <summary>An event the article names as a symptom, with the insertion data that identifies it.</summary>
public sealed record SymptomEvent(string Provider, int EventId, string Level, string Log, IReadOnlyDictionary<string, string> KeyData, string Meaning);
