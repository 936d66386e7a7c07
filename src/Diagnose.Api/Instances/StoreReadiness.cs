namespace Diagnose.Api.Instances;

/// <summary>Whether the store is migrated and usable: until then <c>/health</c> answers 503 and <c>/api</c> requests wait for nothing and get 503.</summary>
public sealed class StoreReadiness
{
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the schema version once migrations have run, or faults with why they could not.</summary>
    public Task<int> Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public int? SchemaVersion => IsReady ? _ready.Task.Result : null;

    /// <summary>Why the store could not be prepared, once that is known.</summary>
    public string? Failure => _ready.Task.IsFaulted ? _ready.Task.Exception!.InnerException!.Message : null;

    internal void Succeeded(int version) => _ready.TrySetResult(version);

    internal void Failed(Exception error) => _ready.TrySetException(error);
}
