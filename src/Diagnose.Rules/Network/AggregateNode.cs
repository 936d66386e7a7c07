using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// Collects, per partial match, the facts that match the pattern (its group, usually bounded by a time
/// window relative to the match) and binds a result fact with <c>count</c>, <c>minTime</c> and
/// <c>maxTime</c>; the match goes on only while the <c>having</c> test holds. Any change to the group
/// replaces the result, so the rule sees the new count.
/// </summary>
internal sealed class AggregateNode(RuleSession session, Rule rule, Pattern pattern, JoinSpec join) : BetaNode(session, rule, pattern, join)
{
    private readonly AggregateSpec _spec = pattern.Aggregate!;
    private readonly int _time = pattern.Schema.Field("time") is { Type: FieldType.Time } f ? f.Index : -1;

    public override void LeftActivate(Token token)
    {
        StoreLeft(token);
        token.Members = [.. RightCandidates(token).Where(f => Matches(token, f))];
        Publish(token);
    }

    public override void RightActivate(Fact fact)
    {
        StoreRight(fact);
        foreach (var token in LeftCandidates(fact))
        {
            if (Matches(token, fact))
            {
                token.Members!.Add(fact);
                Publish(token);
            }
        }
    }

    public override void RightRetract(Fact fact)
    {
        RemoveRight(fact);
        foreach (var token in LeftCandidates(fact))
        {
            if (token.Members!.Remove(fact))
            {
                Publish(token);
            }
        }
    }

    private void Publish(Token token)
    {
        RemoveChildren(token);
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
        Session.Stamp(result);
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

        Emit(token, null, _spec.Slot, result);
    }
}
