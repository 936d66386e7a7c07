namespace Diagnose.Api.Storage;

/// <summary>One analysis as persisted: state, counts, the instance that ran it, the report JSON when there is one, and its inputs.</summary>
internal sealed record StoredAnalysis(
    string Id,
    string Status,
    string CreatedAt,
    string? FinishedAt,
    string? Error,
    string? Report,
    long Bytes,
    long Records,
    IReadOnlyList<StoredInput> Inputs,
    string? InstanceId);
