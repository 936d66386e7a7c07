namespace Diagnose.Core.Records;

/// <summary>Where a record was read: the input path and, as the format allows, its byte offset or line.</summary>
public sealed record RecordOrigin(string Source, long? Offset = null, int? Line = null);
