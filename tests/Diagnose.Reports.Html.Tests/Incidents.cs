using Diagnose.Cli;
using Newtonsoft.Json.Linq;

namespace Diagnose.Reports.Html.Tests;

/// <summary>The bundled incidents, the CLI run in-process, and an incident whose event data holds markup.</summary>
internal static class Incidents
{
    /// <summary>A log value a hostile or careless source could write: it must stay text wherever it is shown.</summary>
    public const string Markup = "<img src=x onerror=alert(1)><script>alert(2)</script>";

    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "incidents", name);

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// The Q188674 incident with the markup added to the MSExchangeDS 1002 event as a second insertion string
    /// (the error code, the first, is what the fact is read from, so the diagnosis and its evidence stay).
    /// </summary>
    public static string WithMarkup(string folder)
    {
        Directory.CreateDirectory(folder);
        var source = Folder("Q188674-exchange-ds-restore");
        var application = JArray.Parse(File.ReadAllText(Path.Combine(source, "EXNODEA_Application.json")));
        var error = application.Single(e => (int)e["Id"]! == 1002);
        ((JArray)error["Properties"]!).Add(new JObject { ["Value"] = Markup });
        File.WriteAllText(Path.Combine(folder, "EXNODEA_Application.json"), application.ToString());
        File.Copy(Path.Combine(source, "EXNODEA_System.json"), Path.Combine(folder, "EXNODEA_System.json"), overwrite: true);
        return folder;
    }
}
