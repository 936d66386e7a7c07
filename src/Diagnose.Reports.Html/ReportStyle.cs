using System.Security.Cryptography;
using System.Text;

namespace Diagnose.Reports.Html;

/// <summary>
/// The page's one stylesheet, inlined; the Content-Security-Policy allows exactly this text by its SHA-256,
/// so no other style (and no script at all) can run in the page.
/// </summary>
public static class ReportStyle
{
    public static string Css { get; } = Load();

    /// <summary>The CSP source expression for <see cref="Css"/>: <c>'sha256-…'</c>.</summary>
    public static string Hash { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";

    /// <summary>
    /// The report's policy: nothing may load or run except the inline stylesheet; pictures only as data: URLs
    /// (there are none today); no base URL, no form target, no plugins.
    /// </summary>
    public static string ContentSecurityPolicy { get; } = $"default-src 'none'; style-src {Hash}; img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'";

    private static string Load()
    {
        using var stream = typeof(ReportStyle).Assembly.GetManifestResourceStream("Diagnose.Reports.Html.report.css")
            ?? throw new InvalidOperationException("the report stylesheet is missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
