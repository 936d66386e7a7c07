namespace Diagnose.Ingest.Readers;

/// <summary>One CSV row: its fields with where each starts, or what made it unreadable.</summary>
internal sealed class CsvRow
{
    public CsvRow(int line) => Line = line;

    /// <summary>The line the row starts on.</summary>
    public int Line { get; }

    public List<string> Fields { get; } = [];

    /// <summary>Line and column where each field starts; a quoted field before it may span lines.</summary>
    public List<(int Line, int Column)> Positions { get; } = [];

    public string? Error { get; set; }

    public int? ErrorLine { get; set; }

    public int? ErrorColumn { get; set; }
}
