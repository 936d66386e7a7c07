using System.Text.RegularExpressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Expressions;

/// <summary>
/// Type-checks an expression against the fact schemas of its aliases and compiles it to a delegate.
/// Strings compare case-insensitively (Windows names are). A null field is an unknown value (an input
/// that could not give it): every comparison with it is false, <c>!=</c> and <c>not in</c> included, so a
/// rule never concludes from what it does not know; only <c>is null</c>/<c>is unknown</c> and
/// <c>is not null</c>/<c>is known</c> test for it. Arithmetic with null gives null.
/// </summary>
internal static class Compiler
{
    public static CompiledExpression Compile(string text, AliasScope scope) => Compile(Parser.Parse(text), scope);

    public static CompiledExpression Compile(ExprNode node, AliasScope scope)
    {
        var (type, eval) = Build(node, scope);
        return new CompiledExpression(node, type, eval);
    }

    /// <summary>Compiles a condition, which must be a bool.</summary>
    public static CompiledExpression CompileCondition(string text, AliasScope scope)
    {
        var compiled = Compile(text, scope);
        if (compiled.Type is not (FieldType.Bool or FieldType.Null))
        {
            throw new ExpressionException($"a condition must be true or false, but this expression is a {FieldTypes.Name(compiled.Type)}", 0);
        }

        return compiled;
    }

    private static (FieldType, Func<Fact?[], object?>) Build(ExprNode node, AliasScope scope)
    {
        switch (node)
        {
            case LiteralNode literal:
                var value = literal.Value;
                return (TypeOf(value), _ => value);
            case FieldNode field:
                return Field(field, scope);
            case UnaryNode unary:
                return Unary(unary, scope);
            case InNode inNode:
                return In(inNode, scope);
            case IsNullNode isNull:
                var (_, operand) = Build(isNull.Operand, scope);
                var negated = isNull.Negated;
                return (FieldType.Bool, m => (operand(m) is null) != negated);
            case BinaryNode binary:
                return Binary(binary, scope);
            default:
                throw new ExpressionException("unsupported expression", node.Position);
        }
    }

    private static (FieldType, Func<Fact?[], object?>) Field(FieldNode node, AliasScope scope)
    {
        if (!scope.TryGet(node.Alias, out var slot, out var schema))
        {
            var known = string.Join(", ", scope.Names);
            throw new ExpressionException($"unknown variable '{node.Alias}': bound here are {(known.Length == 0 ? "none" : known)}", node.Position);
        }

        var field = schema.Field(node.Field)
            ?? throw new ExpressionException(
                $"fact type '{schema.Name}' has no field '{node.Field}': its fields are {string.Join(", ", schema.Fields.Select(f => f.Name))}",
                node.Position);
        var index = field.Index;
        return (field.Type, m => m[slot]?.Values[index]);
    }

    private static (FieldType, Func<Fact?[], object?>) Unary(UnaryNode node, AliasScope scope)
    {
        var (type, operand) = Build(node.Operand, scope);
        if (node.Operator == "!")
        {
            Require(type is FieldType.Bool, node, $"'!' needs true or false, not a {FieldTypes.Name(type)}");
            return (FieldType.Bool, m => operand(m) is bool b ? !b : null);
        }

        Require(type is FieldType.Integer or FieldType.Number or FieldType.Duration, node, $"unary '-' needs a number or duration, not a {FieldTypes.Name(type)}");
        return (type, m => operand(m) switch
        {
            long l => -l,
            double d => -d,
            TimeSpan t => -t,
            _ => null,
        });
    }

    private static (FieldType, Func<Fact?[], object?>) In(InNode node, AliasScope scope)
    {
        var (type, value) = Build(node.Value, scope);
        var items = node.Items.Select(i => (Node: i, Built: Build(i, scope))).ToArray();
        foreach (var item in items)
        {
            Require(Comparable(type, item.Built.Item1), item.Node, $"list item is a {FieldTypes.Name(item.Built.Item1)} but the value is a {FieldTypes.Name(type)}");
        }

        var evals = items.Select(i => i.Built.Item2).ToArray();
        var negated = node.Negated;
        return (FieldType.Bool, m =>
        {
            var v = value(m);
            if (v is null)
            {
                return false;
            }

            var found = evals.Any(e => Compare(v, e(m)) == 0);
            return found != negated;
        });
    }

    private static (FieldType, Func<Fact?[], object?>) Binary(BinaryNode node, AliasScope scope)
    {
        var (lt, left) = Build(node.Left, scope);
        var (rt, right) = Build(node.Right, scope);
        switch (node.Operator)
        {
            case "&&":
                Require(lt is FieldType.Bool && rt is FieldType.Bool, node, "'&&' joins two conditions");
                return (FieldType.Bool, m => left(m) is true && right(m) is true);
            case "||":
                Require(lt is FieldType.Bool && rt is FieldType.Bool, node, "'||' joins two conditions");
                return (FieldType.Bool, m => left(m) is true || right(m) is true);
            case "==" or "!=":
                Require(Comparable(lt, rt), node, $"cannot compare a {FieldTypes.Name(lt)} with a {FieldTypes.Name(rt)}");
                if (node.Left is LiteralNode { Value: null } || node.Right is LiteralNode { Value: null })
                {
                    // Every comparison with an unknown value is false, so this one could never hold.
                    var test = node.Operator == "==" ? "is unknown" : "is known";
                    throw new ExpressionException($"'{node.Operator} null' is always false (a comparison with an unknown value is false): write 'x {test}'", node.Position);
                }

                var equal = node.Operator == "==";
                return (FieldType.Bool, m =>
                {
                    var a = left(m);
                    var b = right(m);
                    if (a is null || b is null)
                    {
                        return false;
                    }

                    return (Compare(a, b) == 0) == equal;
                });
            case "<" or "<=" or ">" or ">=":
                Require(Comparable(lt, rt) && lt is not FieldType.Bool, node, $"cannot order a {FieldTypes.Name(lt)} against a {FieldTypes.Name(rt)}");
                var op = node.Operator;
                return (FieldType.Bool, m =>
                {
                    var a = left(m);
                    var b = right(m);
                    if (a is null || b is null)
                    {
                        return false;
                    }

                    var c = Compare(a, b);
                    return op switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
                });
            case "matches":
                Require(lt is FieldType.String, node, "'matches' needs a string on the left");
                if (node.Right is not LiteralNode { Value: string pattern })
                {
                    throw new ExpressionException("'matches' needs a constant pattern string on the right", node.Right.Position);
                }

                Regex regex;
                try
                {
                    regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    throw new ExpressionException($"bad regular expression: {e.Message}", node.Right.Position);
                }

                return (FieldType.Bool, m => left(m) is string s && regex.IsMatch(s));
            case "contains" or "startswith" or "endswith":
                Require(lt is FieldType.String && rt is FieldType.String or FieldType.Null, node, $"'{node.Operator}' needs strings on both sides");
                var kind = node.Operator;
                return (FieldType.Bool, m =>
                {
                    if (left(m) is not string s || right(m) is not string t)
                    {
                        return false;
                    }

                    return kind switch
                    {
                        "contains" => s.Contains(t, StringComparison.OrdinalIgnoreCase),
                        "startswith" => s.StartsWith(t, StringComparison.OrdinalIgnoreCase),
                        _ => s.EndsWith(t, StringComparison.OrdinalIgnoreCase),
                    };
                });
            default:
                return Arithmetic(node, lt, left, rt, right);
        }
    }

    private static (FieldType, Func<Fact?[], object?>) Arithmetic(BinaryNode node, FieldType lt, Func<Fact?[], object?> left, FieldType rt, Func<Fact?[], object?> right)
    {
        var op = node.Operator;
        var result = (op, lt, rt) switch
        {
            (_, FieldType.Integer, FieldType.Integer) => FieldType.Integer,
            (_, FieldType.Integer or FieldType.Number, FieldType.Integer or FieldType.Number) => FieldType.Number,
            ("+", FieldType.String, FieldType.String) => FieldType.String,
            ("-", FieldType.Time, FieldType.Time) => FieldType.Duration,
            ("+" or "-", FieldType.Time, FieldType.Duration) => FieldType.Time,
            ("+", FieldType.Duration, FieldType.Time) => FieldType.Time,
            ("+" or "-", FieldType.Duration, FieldType.Duration) => FieldType.Duration,
            _ => throw new ExpressionException($"'{op}' cannot combine a {FieldTypes.Name(lt)} and a {FieldTypes.Name(rt)}", node.Position),
        };

        return (result, m =>
        {
            var a = left(m);
            var b = right(m);
            return (a, b) switch
            {
                (null, _) or (_, null) => null,
                (long x, long y) => op switch { "+" => x + y, "-" => x - y, "*" => x * y, _ => y == 0 ? null : x / y },
                (string x, string y) => x + y,
                (DateTime x, DateTime y) => x - y,
                (DateTime x, TimeSpan y) => op == "+" ? x + y : x - y,
                (TimeSpan x, DateTime y) => y + x,
                (TimeSpan x, TimeSpan y) => op == "+" ? x + y : x - y,
                _ => Numeric(op, Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture)),
            };
        });
    }

    private static object? Numeric(string op, double x, double y) => op switch
    {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        _ => y == 0 ? null : x / y,
    };

    private static FieldType TypeOf(object? value) => value switch
    {
        null => FieldType.Null,
        string => FieldType.String,
        long => FieldType.Integer,
        double => FieldType.Number,
        bool => FieldType.Bool,
        TimeSpan => FieldType.Duration,
        DateTime => FieldType.Time,
        _ => throw new InvalidOperationException($"no field type for {value.GetType()}"),
    };

    private static bool Comparable(FieldType a, FieldType b) =>
        a == b || a == FieldType.Null || b == FieldType.Null
        || (a is FieldType.Integer or FieldType.Number && b is FieldType.Integer or FieldType.Number);

    /// <summary>Orders two non-null runtime values of comparable types; strings ignore case.</summary>
    internal static int Compare(object a, object? b) => (a, b) switch
    {
        (_, null) => 1,
        (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        (long x, long y) => x.CompareTo(y),
        (long x, double y) => ((double)x).CompareTo(y),
        (double x, long y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (DateTime x, DateTime y) => x.CompareTo(y),
        (TimeSpan x, TimeSpan y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => string.CompareOrdinal(a.ToString(), b.ToString()),
    };

    private static void Require(bool condition, ExprNode node, string message)
    {
        if (!condition)
        {
            throw new ExpressionException(message, node.Position);
        }
    }
}
