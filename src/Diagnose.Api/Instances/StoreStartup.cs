using Diagnose.Api.Storage;

namespace Diagnose.Api.Instances;

/// <summary>
/// Migrates the store after the server has started listening, so that <c>/health</c> can say "not ready"
/// while another instance holds the migration lock or a long migration runs. A store that cannot be
/// prepared stops the service with the reason logged.
/// </summary>
internal sealed partial class StoreStartup : BackgroundService
{
    private readonly AnalysisStore _store;
    private readonly StoreReadiness _readiness;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<StoreStartup> _log;

    public StoreStartup(AnalysisStore store, StoreReadiness readiness, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<StoreStartup> log)
    {
        _store = store;
        _readiness = readiness;
        _time = time;
        _lifetime = lifetime;
        _log = log;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var version = _store.Migrate(_time.GetUtcNow());
            _readiness.Succeeded(version);
            LogReady(_log, _store.Kind, version);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _readiness.Failed(e);
            LogFailed(_log, _store.Kind, e.Message);
            Environment.ExitCode = 1;
            _lifetime.StopApplication();
        }
    }, stoppingToken);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Store {Kind} ready at schema version {SchemaVersion}")]
    private static partial void LogReady(ILogger logger, StoreKind kind, int schemaVersion);

    [LoggerMessage(EventId = 21, Level = LogLevel.Critical, Message = "Store {Kind} could not be prepared: {Error}")]
    private static partial void LogFailed(ILogger logger, StoreKind kind, string error);
}
