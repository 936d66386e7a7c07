namespace Diagnose.Api;

/// <summary>Service settings, bound from the configuration section <c>Diagnose</c> (command line: <c>--Diagnose:Database=…</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Diagnose";

    /// <summary>
    /// The store: a SQLite database file, or a <c>postgresql://user[:password]@host[:port]/database</c> URL
    /// (also <c>postgres://</c>) for a PostgreSQL store shared by several instances.
    /// </summary>
    public string Database { get; set; } = Path.Combine("diagnose-data", "diagnose.db");

    /// <summary>Folder of kept uploads, reached by every instance; by default <c>uploads</c> beside the SQLite file (or under <c>diagnose-data</c>).</summary>
    public string? Uploads { get; set; }

    /// <summary>How long an instance's claim on a running analysis or re-analysis job lasts without renewal; renewed every third of it.</summary>
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>This instance's id in the store and on every log line; by default host name, process id and a random suffix.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Folder holding the <c>rules/</c> and <c>kb/</c> the engine loads; by default the copy beside the program.</summary>
    public string? ContentRoot { get; set; }

    /// <summary>Re-analysis jobs this instance runs at once (0: it takes none).</summary>
    public int ReanalysisWorkers { get; set; } = 1;

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

    /// <summary>Where kept uploads go: <see cref="Uploads"/>, or <c>uploads</c> beside the SQLite file, or <c>diagnose-data/uploads</c>.</summary>
    public string UploadsFolder => Path.GetFullPath(Uploads ?? Path.Combine(
        Storage.StoreLocation.TryParse(Database, out var location, out _) && location.SqliteFile is { } file ? Path.GetDirectoryName(file)! : "diagnose-data", "uploads"));

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>Checks a <see cref="Database"/> value (a SQLite path, or a well-formed PostgreSQL URL) before anything connects.</summary>
    public static bool IsValidDatabase(string database, out string error) => Storage.StoreLocation.TryParse(database, out _, out error);
}
