using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// Compiles a rule set into a Rete network, once: the network is shared by every session of the rule set. Each pattern's condition is split at its
/// top-level <c>&amp;&amp;</c>: parts that read only the pattern's own fact become alpha tests (shared between
/// rules; <c>field == constant</c> tests are hashed); <c>own.field == earlier expression</c> parts become
/// hash-join keys; <c>own.field &lt;=/&gt;= earlier expression</c> parts also give a range index; every part
/// that reads an earlier alias stays in the join test.
/// </summary>
internal static class ReteBuilder
{
    public static ReteNetwork Build(RuleSet rules)
    {
        var network = new ReteNetwork(rules);
        var nextBeta = 0;
        for (var order = 0; order < rules.Rules.Count; order++)
        {
            var rule = rules.Rules[order];
            BetaNode? previous = null;
            var nodes = new List<BetaNode>();
            foreach (var pattern in rule.Patterns)
            {
                var (alphaParts, joinParts) = Partition(pattern);
                var memory = AlphaChain(network, pattern, alphaParts);
                var join = JoinFor(pattern, joinParts);
                BetaNode node = pattern.Kind switch
                {
                    PatternKind.Match => new JoinNode(nextBeta++, rule, pattern, join),
                    PatternKind.Not => new NotNode(nextBeta++, rule, pattern, join),
                    PatternKind.Exists => new ExistsNode(nextBeta++, rule, pattern, join),
                    _ => new AggregateNode(nextBeta++, rule, pattern, join),
                };
                node.Alpha = memory;
                memory.Successors.Add(node);
                Link(node);
            }

            Link(new TerminalNode(nextBeta++, rule, order));
            network.Chains[rule.Id] = nodes;
            network.Heads.Add(nodes[0]);

            void Link(BetaNode node)
            {
                if (previous is not null)
                {
                    previous.Next = node;
                }

                previous = node;
                nodes.Add(node);
            }
        }

        network.BetaNodeCount = nextBeta;
        Retain(network);
        return network;
    }

    /// <summary>How long a streaming session must keep the facts of each memory: the longest wait of the rules that use it.</summary>
    private static void Retain(ReteNetwork network)
    {
        network.Windows = WindowAnalysis.Of(network.Rules);
        foreach (var (ruleId, chain) in network.Chains)
        {
            foreach (var memory in chain.Select(n => n.Alpha).OfType<AlphaMemoryNode>())
            {
                var wait = WindowAnalysis.TimeIndex(memory.Schema) < 0 ? null : network.Windows.Wait[ruleId];
                memory.Retention = memory.Forever || wait is null ? null : Math.Max(memory.Retention ?? 0, wait.Value);
                memory.Forever |= wait is null;
            }
        }

        network.Expiring = [.. network.Chains.Values.SelectMany(c => c).Select(n => n.Alpha).OfType<AlphaMemoryNode>().Distinct().Where(m => m.Retention is not null)];
    }

    private static (List<ExprNode> Alpha, List<ExprNode> Join) Partition(Pattern pattern)
    {
        var alpha = new List<ExprNode>();
        var join = new List<ExprNode>();
        foreach (var part in Conjuncts.Split(pattern.Condition?.Node))
        {
            var aliases = Conjuncts.Aliases(part);
            (aliases.All(a => a == pattern.Alias) ? alpha : join).Add(part);
        }

        return (alpha, join);
    }

    private static AlphaMemoryNode AlphaChain(ReteNetwork network, Pattern pattern, List<ExprNode> parts)
    {
        if (!network.AlphaRoots.TryGetValue(pattern.Schema, out var node))
        {
            network.AlphaRoots[pattern.Schema] = node = new AlphaNode(pattern.Schema.Name, null);
        }

        var own = new AliasScope().With(pattern.Alias, 0, pattern.Schema);
        var hashed = new List<(int Field, object? Value, string Key)>();
        var tested = new List<(string Key, ExprNode Part)>();
        foreach (var part in parts)
        {
            var key = Conjuncts.Canonical(part, pattern.Alias);
            if (part is BinaryNode { Operator: "==" } eq && ConstantField(eq, pattern) is { } hit)
            {
                hashed.Add((hit.Field, hit.Value, key));
            }
            else
            {
                tested.Add((key, part));
            }
        }

        // A canonical order lets rules that write the same tests in another order share the chain.
        foreach (var (field, value, key) in hashed.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            node = node.HashedChild(field, value!, key);
        }

        foreach (var (key, part) in tested.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var compiled = Compiler.Compile(part, own);
            node = node.TestedChild(key, compiled.IsTrue);
        }

        var description = parts.Count == 0 ? "every fact" : string.Join(" && ", hashed.Select(h => h.Key).Concat(tested.Select(t => t.Key)));
        if (node.Memory is null)
        {
            node.Memory = new AlphaMemoryNode(network.Memories.Count, pattern.Schema, description);
            network.Memories.Add(node.Memory);
        }

        return node.Memory;
    }

    private static (int Field, object? Value)? ConstantField(BinaryNode eq, Pattern pattern)
    {
        var (field, literal) = (eq.Left, eq.Right) switch
        {
            (FieldNode f, LiteralNode l) => (f, l),
            (LiteralNode l, FieldNode f) => (f, l),
            _ => (null, null),
        };
        if (field is null || literal is null || field.Alias != pattern.Alias || pattern.Schema.Field(field.Field) is not { } declared)
        {
            return null;
        }

        // A string constant against a number field (or the reverse) would hash differently than '==' compares.
        var numeric = declared.Type is FieldType.Integer or FieldType.Number;
        var literalNumeric = literal.Value is long or double;
        if (literal.Value is not null && numeric != literalNumeric)
        {
            return null;
        }

        return (declared.Index, literal.Value);
    }

    private static JoinSpec JoinFor(Pattern pattern, List<ExprNode> parts)
    {
        var scope = pattern.Scope;
        var leftKeys = new List<Func<Fact?[], object?>>();
        var rightKeys = new List<Func<Fact?[], object?>>();
        var tests = new List<CompiledExpression>();
        var rangeField = -1;
        Func<Fact?[], object?>? lower = null, upper = null;
        var described = new List<string>();
        foreach (var part in parts)
        {
            tests.Add(Compiler.Compile(part, scope));
            described.Add(Conjuncts.Canonical(part, pattern.Alias));
            if (part is not BinaryNode binary)
            {
                continue;
            }

            var leftOwn = IsOwnOnly(binary.Left, pattern.Alias);
            var rightOwn = IsOwnOnly(binary.Right, pattern.Alias);
            var leftEarlier = IsEarlierOnly(binary.Left, pattern.Alias);
            var rightEarlier = IsEarlierOnly(binary.Right, pattern.Alias);
            if (binary.Operator == "==" && ((leftOwn && rightEarlier) || (rightOwn && leftEarlier)))
            {
                var (own, other) = leftOwn ? (binary.Left, binary.Right) : (binary.Right, binary.Left);
                var ownCompiled = Compiler.Compile(own, scope);
                var otherCompiled = Compiler.Compile(other, scope);
                if (Hashable(ownCompiled.Type, otherCompiled.Type))
                {
                    rightKeys.Add(ownCompiled.Evaluate);
                    leftKeys.Add(otherCompiled.Evaluate);
                }

                continue;
            }

            if (binary.Operator is "<" or "<=" or ">" or ">=")
            {
                var (own, other, op) = binary.Left is FieldNode lf && lf.Alias == pattern.Alias && rightEarlier
                    ? (lf, binary.Right, binary.Operator)
                    : binary.Right is FieldNode rf && rf.Alias == pattern.Alias && leftEarlier
                        ? (rf, binary.Left, Mirror(binary.Operator))
                        : (null, null, "");
                if (own is null || pattern.Schema.Field(own.Field) is not { Type: FieldType.Time or FieldType.Integer or FieldType.Number } field)
                {
                    continue;
                }

                if (rangeField >= 0 && rangeField != field.Index)
                {
                    continue; // one range per node; other bounds are still tested
                }

                rangeField = field.Index;
                var bound = Compiler.Compile(other!, scope).Evaluate;
                if (op is ">" or ">=")
                {
                    lower ??= bound;
                }
                else
                {
                    upper ??= bound;
                }
            }
        }

        return new JoinSpec(leftKeys, rightKeys, rangeField, lower, upper, Conjuncts.All(tests), string.Join(" && ", described));
    }

    private static bool Hashable(FieldType a, FieldType b) =>
        a == b || (a is FieldType.Integer or FieldType.Number && b is FieldType.Integer or FieldType.Number);

    private static string Mirror(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", _ => "<=" };

    private static bool IsOwnOnly(ExprNode node, string alias)
    {
        var aliases = Conjuncts.Aliases(node);
        return aliases.Count == 1 && aliases.Contains(alias);
    }

    private static bool IsEarlierOnly(ExprNode node, string alias)
    {
        var aliases = Conjuncts.Aliases(node);
        return aliases.Count > 0 && !aliases.Contains(alias);
    }
}
