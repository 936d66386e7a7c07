using System.Collections.Concurrent;
using Diagnose.Core.Records;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// TraceEvent pushes events through callbacks from <c>Process()</c>; our readers pull. The source runs on
/// its own thread and hands records over through a small bounded queue, so memory stays bounded however
/// long the trace, and a reader that stops early stops the source.
/// </summary>
internal sealed class TraceEventPump
{
    private const int QueueCapacity = 1024;

    private readonly Func<TraceEventDispatcher> _open;
    private readonly string? _computer;

    public TraceEventPump(Func<TraceEventDispatcher> open, string? computer)
    {
        _open = open;
        _computer = computer;
    }

    /// <summary>The error that stopped the source, if any; read it after the enumeration ended.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Events the trace itself says were lost while it was recorded (they are not in the file).</summary>
    public long EventsLost { get; private set; }

    public IEnumerable<EventRecord> Read(ReadContext context)
    {
        using var queue = new BlockingCollection<EventRecord>(QueueCapacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        TraceEventDispatcher? running = null;
        var producer = new Thread(() =>
        {
            try
            {
                using var source = _open();
                running = source;
                long sequence = 0;
                void Handle(TraceEvent e) => queue.Add(TraceEventRecords.ToRecord(e, ++sequence, context.Source, _computer), stop.Token);

                // Runtime events are decoded by their parsers, EventSource and manifest events from the
                // metadata the trace carries; the rest still count, with no payload.
                source.Clr.All += Handle;
                new ClrRundownTraceEventParser(source).All += Handle;
                source.Dynamic.All += Handle;
                source.UnhandledEvents += Handle;
                source.Process();
                EventsLost = source.EventsLost;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The reader stopped early; nothing is wrong with the trace.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "TraceEvent " + Path.GetFileName(context.Source) };

        producer.Start();
        try
        {
            foreach (var record in queue.GetConsumingEnumerable(context.Cancellation))
            {
                yield return record;
            }
        }
        finally
        {
            if (!queue.IsAddingCompleted)
            {
                stop.Cancel();
                running?.StopProcessing();
            }

            producer.Join();
        }
    }
}
