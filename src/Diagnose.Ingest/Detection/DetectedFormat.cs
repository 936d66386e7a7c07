namespace Diagnose.Ingest.Detection;

/// <summary>The format found in an input's first bytes and why, for the input report.</summary>
public sealed record DetectedFormat(string Format, string Reason);
