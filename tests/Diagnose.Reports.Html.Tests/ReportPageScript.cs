namespace Diagnose.Reports.Html.Tests;

/// <summary>Scripts the tests run in the page to read what it shows.</summary>
internal static class ReportPageScript
{
    /// <summary>The <c>data-key</c> and visible text of every element a selector finds, as "key\ttext" lines.</summary>
    public static string Keys(string root, string selector) =>
        $"Array.from(({root}).querySelectorAll({Quote(selector)})).map(e => e.getAttribute('data-key') + '\\t' + e.textContent.replace(/\\s+/g, ' ')).join('\\n')";

    public static string Texts(string root, string selector) =>
        $"Array.from(({root}).querySelectorAll({Quote(selector)})).map(e => e.textContent.replace(/\\s+/g, ' ').trim()).join('\\n')";

    public static Dictionary<string, string> Parse(string lines) =>
        lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First().ElementAtOrDefault(1) ?? "", StringComparer.Ordinal);

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
