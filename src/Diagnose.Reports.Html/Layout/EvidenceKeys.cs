using System.Globalization;
using Diagnose.Core.Reports;

namespace Diagnose.Reports.Html.Layout;

/// <summary>
/// One key per record or observation, written on every place the page shows it (<c>data-key</c>), so the
/// timeline, the proof and the fix can be matched with each other and with the JSON report.
/// </summary>
public static class EvidenceKeys
{
    public static string Of(string source, long? record, int? line, string what)
    {
        var position = record is long r ? "record " + r.ToString(CultureInfo.InvariantCulture)
            : line is int l ? "line " + l.ToString(CultureInfo.InvariantCulture)
            : "-";
        return $"{source}|{position}|{what}";
    }

    public static string Of(EvidenceItem e) => Of(e.Source, e.Record, e.Line, e.EventId is int id ? id.ToString(CultureInfo.InvariantCulture) : e.Fact ?? "");

    public static string Of(EventReference e) => Of(e.Source, e.Record, e.Line, e.EventId.ToString(CultureInfo.InvariantCulture));

    public static string Of(ContextEvent e) => Of(e.Source, e.Record, e.Line, e.EventId.ToString(CultureInfo.InvariantCulture));
}
