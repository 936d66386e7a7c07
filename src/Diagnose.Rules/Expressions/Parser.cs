namespace Diagnose.Rules.Expressions;

/// <summary>
/// Recursive-descent parser for the rule expression language (see README, "Rule expressions").
/// Precedence, lowest first: <c>||</c>/or, <c>&amp;&amp;</c>/and, <c>!</c>/not, comparisons and
/// <c>in</c>/<c>matches</c>/<c>contains</c>/<c>startswith</c>/<c>endswith</c>/<c>is null</c>/<c>is unknown</c>/<c>is known</c>, <c>+ -</c>, <c>* /</c>, unary minus.
/// </summary>
internal static class Parser
{
    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">="];
    private static readonly string[] StringOperators = ["matches", "contains", "startswith", "endswith"];

    public static ExprNode Parse(string text)
    {
        var state = new State(Lexer.Tokenize(text));
        var node = state.Or();
        if (state.Peek.Kind != TokenKind.End)
        {
            throw new ExpressionException($"unexpected '{state.Peek.Text}': expected an operator or the end of the expression", state.Peek.Position);
        }

        return node;
    }

    private sealed class State(List<Token> tokens)
    {
        private int _next;

        public Token Peek => tokens[_next];

        private Token Take() => tokens[_next++];

        private bool Accept(string text)
        {
            if (Peek.Is(text))
            {
                _next++;
                return true;
            }

            return false;
        }

        private void Expect(string text)
        {
            if (!Accept(text))
            {
                throw new ExpressionException($"expected '{text}' but found '{(Peek.Kind == TokenKind.End ? "end of expression" : Peek.Text)}'", Peek.Position);
            }
        }

        public ExprNode Or()
        {
            var left = And();
            while (Peek.Is("||") || Peek.Is("or"))
            {
                var at = Take().Position;
                left = new BinaryNode(at, "||", left, And());
            }

            return left;
        }

        private ExprNode And()
        {
            var left = Not();
            while (Peek.Is("&&") || Peek.Is("and"))
            {
                var at = Take().Position;
                left = new BinaryNode(at, "&&", left, Not());
            }

            return left;
        }

        private ExprNode Not()
        {
            if (Peek.Is("!") || (Peek.Is("not") && !tokens[_next + 1].Is("in")))
            {
                var at = Take().Position;
                return new UnaryNode(at, "!", Not());
            }

            return Comparison();
        }

        private ExprNode Comparison()
        {
            var left = Additive();
            var token = Peek;
            if (token.Kind == TokenKind.Operator && Comparisons.Contains(token.Text))
            {
                Take();
                return new BinaryNode(token.Position, token.Text, left, Additive());
            }

            if (token.Is("in") || (token.Is("not") && tokens[_next + 1].Is("in")))
            {
                var negated = Accept("not");
                Expect("in");
                return new InNode(token.Position, left, List(), negated);
            }

            if (token.Kind == TokenKind.Identifier && StringOperators.Any(token.Is))
            {
                Take();
                return new BinaryNode(token.Position, token.Text.ToLowerInvariant(), left, Additive());
            }

            if (token.Is("is"))
            {
                Take();
                var negated = Accept("not");
                if (Accept("unknown"))
                {
                    return new IsNullNode(token.Position, left, negated);
                }

                // 'is known' reads better than 'is not unknown' for a value an input did give.
                if (!negated && Accept("known"))
                {
                    return new IsNullNode(token.Position, left, Negated: true);
                }

                if (!Peek.Is("null"))
                {
                    throw new ExpressionException($"expected 'null', 'unknown' or 'known' after 'is' but found '{(Peek.Kind == TokenKind.End ? "end of expression" : Peek.Text)}'", Peek.Position);
                }

                Take();
                return new IsNullNode(token.Position, left, negated);
            }

            return left;
        }

        private List<ExprNode> List()
        {
            Expect("[");
            var items = new List<ExprNode>();
            if (!Accept("]"))
            {
                do
                {
                    items.Add(Additive());
                }
                while (Accept(","));
                Expect("]");
            }

            return items;
        }

        private ExprNode Additive()
        {
            var left = Multiplicative();
            while (Peek.Is("+") || Peek.Is("-"))
            {
                var op = Take();
                left = new BinaryNode(op.Position, op.Text, left, Multiplicative());
            }

            return left;
        }

        private ExprNode Multiplicative()
        {
            var left = Unary();
            while (Peek.Is("*") || Peek.Is("/"))
            {
                var op = Take();
                left = new BinaryNode(op.Position, op.Text, left, Unary());
            }

            return left;
        }

        private ExprNode Unary()
        {
            if (Peek.Is("-"))
            {
                var at = Take().Position;
                return new UnaryNode(at, "-", Unary());
            }

            return Primary();
        }

        private ExprNode Primary()
        {
            var token = Take();
            switch (token.Kind)
            {
                case TokenKind.Number:
                case TokenKind.Duration:
                case TokenKind.String:
                    return new LiteralNode(token.Position, token.Value);
                case TokenKind.Identifier when token.Is("true"):
                    return new LiteralNode(token.Position, true);
                case TokenKind.Identifier when token.Is("false"):
                    return new LiteralNode(token.Position, false);
                case TokenKind.Identifier when token.Is("null"):
                    return new LiteralNode(token.Position, null);
                case TokenKind.Identifier:
                    Expect(".");
                    var field = Take();
                    if (field.Kind != TokenKind.Identifier)
                    {
                        throw new ExpressionException($"expected a field name after '{token.Text}.'", field.Position);
                    }

                    return new FieldNode(token.Position, token.Text, field.Text);
                case TokenKind.Operator when token.Text == "(":
                    var inner = Or();
                    Expect(")");
                    return inner;
                case TokenKind.End:
                    throw new ExpressionException("the expression ends too early: expected a value", token.Position);
                default:
                    throw new ExpressionException($"unexpected '{token.Text}': expected a value, a field (alias.field) or '('", token.Position);
            }
        }
    }
}
