using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Diagnose.Api.Instances;

/// <summary>
/// One console line per log entry with this instance's id, so the logs of several instances read together
/// (collected by one agent or interleaved in a terminal) say which instance wrote what.
/// </summary>
internal sealed class InstanceConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "diagnose-instance";

    private readonly string _instance;

    public InstanceConsoleFormatter(InstanceIdentity instance)
        : base(FormatterName)
    {
        _instance = instance.Id;
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var level = logEntry.LogLevel switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            LogLevel.Critical => "crit",
            _ => "none",
        };
        textWriter.Write($"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {level} [instance {_instance}] {logEntry.Category}[{logEntry.EventId.Id}] {message}");
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(' ');
            textWriter.Write(exception.ToString().ReplaceLineEndings(" | "));
        }

        textWriter.WriteLine();
    }
}
