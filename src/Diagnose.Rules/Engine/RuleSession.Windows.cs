using Diagnose.Rules.Facts;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Engine;

public sealed partial class RuleSession
{
    private readonly PriorityQueue<Activation, long> _settling = new();
    private readonly List<Activation> _held = [];
    private WindowAnalysis? _windows;
    private AlphaMemory[] _memories = [];
    private long _clock = long.MinValue;
    private long _nextExpiry = long.MaxValue;

    /// <summary>Facts given to <see cref="Advance"/> behind the clock (they were still matched against what is remembered).</summary>
    public int LateFacts { get; private set; }

    /// <summary>
    /// Streaming: the facts inserted from now on come in time order and none will be older than
    /// <paramref name="clock"/>. Matches whose window has closed fire (in agenda order) and facts that no rule
    /// can still use are forgotten, so memory stays bounded by the rules' windows. The first call turns
    /// streaming on: from then on a match waits until its window closes before it can fire, so a
    /// <c>not</c> over a later fact is not decided too early. <see cref="Run"/> fires whatever is left.
    /// </summary>
    public void Advance(DateTime clock)
    {
        if (_windows is null)
        {
            StartWindows();
        }

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

            RunAgenda();
        }

        if (now > _nextExpiry)
        {
            Expire(now);
        }

        _clock = now;
    }

    private void StartWindows()
    {
        _windows = WindowAnalysis.Of(_rules);
        foreach (var (ruleId, chain) in _network.Chains)
        {
            foreach (var memory in chain.Select(n => n.Alpha).OfType<AlphaMemory>())
            {
                var wait = WindowAnalysis.TimeIndex(memory.Schema) < 0 ? null : _windows.Wait[ruleId];
                memory.Retention = memory.Forever || wait is null ? null : Math.Max(memory.Retention ?? 0, wait.Value);
                memory.Forever |= wait is null;
            }
        }

        _memories = [.. _network.Memories.Where(m => m.Retention is not null)];
    }

    /// <summary>Where a new activation goes: the agenda, or (streaming) a wait until its window closes.</summary>
    private void Schedule(Activation activation)
    {
        if (_windows is null || _ending)
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

        if (_windows.Wait[activation.Rule.Id] is { } wait && earliest != long.MaxValue)
        {
            _settling.Enqueue(activation, earliest + wait);
        }
        else
        {
            _held.Add(activation);
        }
    }

    /// <summary>Remembers when a fact entering a memory can be forgotten.</summary>
    private void Remember(AlphaMemory memory, Fact fact)
    {
        fact.Memberships++;
        if (memory.Retention is { } retention && WindowAnalysis.TimeIndex(fact.Schema) is >= 0 and var i && fact.Values[i] is DateTime t)
        {
            (memory.Expiry ??= new()).Enqueue(fact, t.Ticks + retention);
            _nextExpiry = Math.Min(_nextExpiry, t.Ticks + retention);
        }
    }

    /// <summary>Forgets facts whose time + retention is before <paramref name="now"/>: this is not a retraction, so nothing they supported is withdrawn.</summary>
    private void Expire(long now)
    {
        _expiring = true;
        _nextExpiry = long.MaxValue;
        try
        {
            foreach (var memory in _memories)
            {
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
                        foreach (var token in tokens.Where(t => t.Parent?.Node?.Alpha == memory).ToArray())
                        {
                            token.Remove();
                        }
                    }

                    memory.Expire(fact);
                    if (--fact.Memberships == 0)
                    {
                        fact.Live = false;
                        _live.GetValueOrDefault(fact.Schema)?.Remove(fact);
                        if (fact.DerivedKey is { } key)
                        {
                            _derived.Remove(key);
                        }
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
            _expiring = false;
        }
    }

    private void FlushWaiting()
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
}
