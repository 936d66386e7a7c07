using System.Text;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Engine;

/// <summary>
/// Writes the proof of an activation as an indented tree: the rule, the fact each pattern bound with its
/// origin (source record), the members of aggregates, and for a derived fact the rule and facts that made it.
/// </summary>
public static class ProofWriter
{
    /// <summary>The proof tree of <paramref name="activation"/>, one node per line, nested by two spaces; no trailing newline.</summary>
    public static string Write(Activation activation)
    {
        var text = new StringBuilder();
        Write(activation, text, 0);
        return text.ToString().TrimEnd();
    }

    private static void Write(Activation activation, StringBuilder text, int depth)
    {
        var pad = new string(' ', depth * 2);
        text.Append(pad).Append("rule ").Append(activation.Rule.Id).Append(" (").Append(activation.Rule.Source).AppendLine(")");
        foreach (var pattern in activation.Rule.Patterns)
        {
            var head = $"{pad}  {pattern.Kind.ToString().ToLowerInvariant()} {pattern.BoundAlias}: ";
            switch (pattern.Kind)
            {
                case PatternKind.Not:
                    text.Append(head).Append("no ").Append(pattern.Schema.Name).AppendLine(" matched");
                    break;
                case PatternKind.Exists:
                    text.Append(head).Append("some ").Append(pattern.Schema.Name).AppendLine(" matched");
                    break;
                default:
                    var fact = activation.Facts[pattern.BoundSlot];
                    text.Append(head);
                    Fact(fact, text, depth + 1);
                    break;
            }
        }
    }

    private static void Fact(Fact? fact, StringBuilder text, int depth)
    {
        if (fact is null)
        {
            text.AppendLine("-");
            return;
        }

        text.Append(fact);
        if (fact.Origin is { } origin)
        {
            text.Append(" from ").Append(origin);
        }

        text.AppendLine();
        if (fact.Members is { } members)
        {
            foreach (var member in members)
            {
                text.Append(new string(' ', (depth + 1) * 2)).Append("member: ");
                Fact(member, text, depth + 1);
            }
        }

        if (fact.DerivedBy is { } by)
        {
            text.Append(new string(' ', (depth + 1) * 2)).AppendLine("derived by:");
            Write(by, text, depth + 2);
        }
    }
}
