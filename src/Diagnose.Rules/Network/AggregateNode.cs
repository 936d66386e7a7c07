using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// Collects, per partial match, the facts that match the pattern (its group, usually bounded by a time
/// window relative to the match) and binds a result fact with <c>count</c>, <c>minTime</c> and
/// <c>maxTime</c>; the match goes on only while the <c>having</c> test holds. Any change to the group
/// replaces the result, so the rule sees the new count.
/// </summary>
internal sealed class AggregateNode(int id, Rule rule, Pattern pattern, JoinSpec join) : BetaNode(id, rule, pattern, join)
{
    private readonly AggregateSpec _spec = pattern.Aggregate!;
    private readonly int _time = pattern.Schema.Field("time") is { Type: FieldType.Time } f ? f.Index : -1;

    public override void LeftActivate(WorkingMemory memory, IActivationSink sink, Token token)
    {
        var beta = StoreLeft(memory, token);
        token.Members = [.. beta.RightCandidates(token).Where(f => Matches(token, f))];
        Publish(memory, sink, token);
    }

    public override void RightActivate(WorkingMemory memory, IActivationSink sink, Fact fact)
    {
        var beta = memory.Beta(this);
        beta.StoreRight(fact);
        foreach (var token in beta.LeftCandidates(fact))
        {
            if (Matches(token, fact))
            {
                token.Members!.Add(fact);
                Publish(memory, sink, token);
            }
        }
    }

    public override void RightRetract(WorkingMemory memory, IActivationSink sink, Fact fact)
    {
        var beta = memory.Beta(this);
        beta.RemoveRight(fact);
        foreach (var token in beta.LeftCandidates(fact))
        {
            if (token.Members!.Remove(fact))
            {
                Publish(memory, sink, token);
            }
        }
    }

    private void Publish(WorkingMemory memory, IActivationSink sink, Token token)
    {
        RemoveChildren(memory, sink, token);
        var members = token.Members!;
        DateTime? min = null, max = null;
        if (_time >= 0)
        {
            foreach (var m in members)
            {
                if (m.Values[_time] is DateTime t)
                {
                    min = min is null || t < min ? t : min;
                    max = max is null || t > max ? t : max;
                }
            }
        }

        var result = new Fact(_spec.Result, [(long)members.Count, min, max]) { Members = [.. members] };
        memory.Stamp(result);
        if (_spec.Having is { } having)
        {
            token.Facts[_spec.Slot] = result;
            var pass = having.IsTrue(token.Facts);
            token.Facts[_spec.Slot] = null;
            if (!pass)
            {
                return;
            }
        }

        Emit(memory, sink, token, null, _spec.Slot, result);
    }
}
