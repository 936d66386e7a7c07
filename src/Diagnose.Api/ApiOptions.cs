namespace Diagnose.Api;

/// <summary>Service settings, bound from the configuration section <c>Diagnose</c> (command line: <c>--Diagnose:Database=…</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Diagnose";

    /// <summary>SQLite database file; uploads kept on request go to an <c>uploads</c> folder beside it.</summary>
    public string Database { get; set; } = Path.Combine("diagnose-data", "diagnose.db");

    /// <summary>Largest request body accepted, in bytes (multipart overhead included).</summary>
    public long MaxUploadBytes { get; set; } = 256L << 20;

    /// <summary>Most inputs (files or parts) in one upload.</summary>
    public int MaxFiles { get; set; } = 64;

    /// <summary>Longest an analysis may take, upload included, before it is failed.</summary>
    public int MaxProcessingSeconds { get; set; } = 300;

    /// <summary>Longest one <c>POST /api/validate</c> may run its fault schedules before it answers 503.</summary>
    public int MaxValidationSeconds { get; set; } = 10;

    /// <summary>When set, every <c>/api</c> request must send it in the <c>X-Api-Key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The folder that holds the database and kept uploads.</summary>
    public string DataFolder => Path.GetDirectoryName(Path.GetFullPath(Database))!;
}
