using Diagnose.Rules.Facts;
using Diagnose.Rules.Expressions;

namespace Diagnose.Rules.Network;

/// <summary>Splits a condition into its top-level <c>&amp;&amp;</c> parts and says which aliases each part reads.</summary>
internal static class Conjuncts
{
    public static List<ExprNode> Split(ExprNode? node)
    {
        var parts = new List<ExprNode>();
        Add(node);
        return parts;

        void Add(ExprNode? n)
        {
            if (n is BinaryNode { Operator: "&&" } and)
            {
                Add(and.Left);
                Add(and.Right);
            }
            else if (n is not null)
            {
                parts.Add(n);
            }
        }
    }

    public static HashSet<string> Aliases(ExprNode node)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Visit(node);
        return found;

        void Visit(ExprNode n)
        {
            switch (n)
            {
                case FieldNode f: found.Add(f.Alias); break;
                case UnaryNode u: Visit(u.Operand); break;
                case BinaryNode b: Visit(b.Left); Visit(b.Right); break;
                case InNode i: Visit(i.Value); i.Items.ToList().ForEach(Visit); break;
                case IsNullNode z: Visit(z.Operand); break;
            }
        }
    }

    /// <summary>A text form independent of positions and of the alias name, so equal tests of different rules share one alpha node.</summary>
    public static string Canonical(ExprNode node, string alias) => node switch
    {
        LiteralNode l => l.Value switch
        {
            null => "null",
            string s => "'" + s.ToUpperInvariant() + "'",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + ":" + l.Value.GetType().Name,
            var v => v.ToString() ?? "",
        },
        FieldNode f => (f.Alias == alias ? "$" : f.Alias) + "." + f.Field,
        UnaryNode u => u.Operator + "(" + Canonical(u.Operand, alias) + ")",
        BinaryNode b => "(" + Canonical(b.Left, alias) + " " + b.Operator + " " + Canonical(b.Right, alias) + ")",
        InNode i => "(" + Canonical(i.Value, alias) + (i.Negated ? " not in [" : " in [") + string.Join(",", i.Items.Select(x => Canonical(x, alias))) + "])",
        IsNullNode z => "(" + Canonical(z.Operand, alias) + (z.Negated ? " is not null)" : " is null)"),
        _ => node.ToString(),
    };

    /// <summary>Combines compiled parts into one test (all must be true), or null when there are none.</summary>
    public static Func<Fact?[], bool>? All(IReadOnlyList<CompiledExpression> parts) => parts.Count switch
    {
        0 => null,
        1 => parts[0].IsTrue,
        2 => m => parts[0].IsTrue(m) && parts[1].IsTrue(m),
        _ => m =>
        {
            foreach (var p in parts)
            {
                if (!p.IsTrue(m))
                {
                    return false;
                }
            }

            return true;
        },
    };
}
