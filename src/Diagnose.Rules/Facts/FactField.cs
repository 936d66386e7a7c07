namespace Diagnose.Rules.Facts;

/// <summary>One declared field of a fact type, with its position in the fact's value array.</summary>
public sealed record FactField(string Name, FieldType Type, int Index, string? Description);
