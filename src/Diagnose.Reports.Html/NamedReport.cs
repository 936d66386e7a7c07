using Diagnose.Core.Reports;

namespace Diagnose.Reports.Html;

/// <summary>One report on the page, with the incident's name when several are shown together (the bundled samples).</summary>
public sealed record NamedReport(string? Name, AnalysisReport Report);
