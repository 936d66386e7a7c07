namespace Diagnose.Api.Reanalysis;

/// <summary>A job this instance has taken: which case, and the attempt number that its result write must still match.</summary>
internal sealed record ClaimedJob(long Id, string ReanalysisId, string AnalysisId, int Attempt);
