namespace Diagnose.Api.Storage;

/// <summary>Metadata of one uploaded input; <see cref="KeptFile"/> is relative to the uploads folder and generated, never the client's name.</summary>
internal sealed record StoredInput(string Name, string? Format, long Records, bool Unreadable, string? KeptFile);
