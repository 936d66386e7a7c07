using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Engine;

/// <summary>
/// The streaming clock of one session (time windows over the <c>time</c> field of facts). Once streaming
/// is on (<see cref="Advance"/>), a new match waits until its window has closed (its earliest time plus the
/// rule's wait, from <see cref="WindowAnalysis"/>) before it joins the agenda, so a <c>not</c> over a later
/// fact is not decided too early; and a fact is forgotten once the clock passes its time plus the retention
/// of its memory, so memory stays bounded by the rules' windows. Forgetting is not retraction.
/// </summary>
internal sealed class WindowScheduler
{
    private readonly ReteNetwork _network;
    private readonly WorkingMemory _memory;
    private readonly Agenda _agenda;
    private readonly IActivationSink _sink;
    private readonly PriorityQueue<Activation, long> _settling = new();
    private readonly List<Activation> _held = [];
    private long _clock = long.MinValue;
    private long _nextExpiry = long.MaxValue;

    public WindowScheduler(ReteNetwork network, WorkingMemory memory, Agenda agenda, IActivationSink sink)
    {
        _network = network;
        _memory = memory;
        _agenda = agenda;
        _sink = sink;
    }

    /// <summary>True once the clock has been advanced: facts come in time order from then on.</summary>
    public bool Streaming { get; private set; }

    /// <summary>True while the input has ended and everything left may fire at once.</summary>
    public bool Ending { get; set; }

    /// <summary>True while old facts are being forgotten: the matches they leave are not withdrawn.</summary>
    public bool Expiring { get; private set; }

    /// <summary>Clock values given behind the clock.</summary>
    public int LateFacts { get; private set; }

    /// <summary>Moves the clock to <paramref name="clock"/>: matches whose window has closed go to the agenda (<paramref name="runAgenda"/> fires them, window by window), then old facts are forgotten.</summary>
    public void Advance(DateTime clock, Action runAgenda)
    {
        Streaming = true;
        var now = clock.Ticks;
        if (now < _clock)
        {
            LateFacts++;
            return;
        }

        while (_settling.TryPeek(out _, out var settle) && settle < now)
        {
            Expire(settle);
            while (_settling.TryPeek(out var ready, out var s) && s <= settle)
            {
                _settling.Dequeue();
                if (ready.State == ActivationState.Pending)
                {
                    _agenda.Add(ready);
                }
            }

            runAgenda();
        }

        if (now > _nextExpiry)
        {
            Expire(now);
        }

        _clock = now;
    }

    /// <summary>Where a new activation goes: the agenda, or (streaming) a wait until its window closes.</summary>
    public void Schedule(Activation activation)
    {
        if (!Streaming || Ending)
        {
            _agenda.Add(activation);
            return;
        }

        var earliest = long.MaxValue;
        foreach (var f in activation.Facts)
        {
            if (f is not null && WindowAnalysis.TimeIndex(f.Schema) is >= 0 and var i && f.Values[i] is DateTime t && t.Ticks < earliest)
            {
                earliest = t.Ticks;
            }
        }

        if (_network.Windows.Wait[activation.Rule.Id] is { } wait && earliest != long.MaxValue)
        {
            _settling.Enqueue(activation, earliest + wait);
        }
        else
        {
            _held.Add(activation);
        }
    }

    /// <summary>Counts the fact into a memory and, when streaming, remembers when it can be forgotten there.</summary>
    public void Remember(AlphaMemoryNode node, Fact fact)
    {
        fact.Memberships++;
        if (Streaming && node.Retention is { } retention && WindowAnalysis.TimeIndex(fact.Schema) is >= 0 and var i && fact.Values[i] is DateTime t)
        {
            (_memory.Alpha(node).Expiry ??= new()).Enqueue(fact, t.Ticks + retention);
            _nextExpiry = Math.Min(_nextExpiry, t.Ticks + retention);
        }
    }

    /// <summary>Sends every waiting activation to the agenda: the input has ended.</summary>
    public void FlushWaiting()
    {
        while (_settling.TryDequeue(out var activation, out _))
        {
            _held.Add(activation);
        }

        foreach (var activation in _held.Where(a => a.State == ActivationState.Pending))
        {
            _agenda.Add(activation);
        }

        _held.Clear();
    }

    /// <summary>Forgets facts whose time + retention is before <paramref name="now"/>: this is not a retraction, so nothing they supported is withdrawn.</summary>
    private void Expire(long now)
    {
        Expiring = true;
        _nextExpiry = long.MaxValue;
        try
        {
            foreach (var node in _network.Expiring)
            {
                if (_memory.AlphaIfAny(node) is not { } memory)
                {
                    continue;
                }

                while (memory.Expiry is { } queue && queue.TryPeek(out var fact, out var until) && until < now)
                {
                    queue.Dequeue();
                    if (!memory.Facts.Contains(fact))
                    {
                        continue;
                    }

                    // Only the matches this memory fed: the fact may stay longer in another memory.
                    if (fact.Tokens is { } tokens)
                    {
                        foreach (var token in tokens.Where(t => t.Parent?.Node?.Alpha == node).ToArray())
                        {
                            token.Remove(_memory, _sink);
                        }
                    }

                    node.Expire(_memory, fact);
                    if (--fact.Memberships == 0)
                    {
                        fact.Live = false;
                        _memory.Release(fact);
                    }
                }

                if (memory.Expiry is { } rest && rest.TryPeek(out _, out var next))
                {
                    _nextExpiry = Math.Min(_nextExpiry, next);
                }
            }
        }
        finally
        {
            Expiring = false;
        }
    }
}
