using System.Globalization;

namespace Diagnose.Rules.Expressions;

/// <summary>Splits an expression into tokens. Durations are numbers with a unit: 500ms, 30s, 10m, 4h, 2d.</summary>
internal static class Lexer
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "(", ")", "[", "]", ",", "."];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var number = text[start..i];
                var unitStart = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                var unit = text[unitStart..i];
                if (unit.Length > 0)
                {
                    tokens.Add(new Token(TokenKind.Duration, text[start..i], start, ParseDuration(number, unit, start)));
                }
                else if (number.Contains('.', StringComparison.Ordinal))
                {
                    tokens.Add(new Token(TokenKind.Number, number, start, double.Parse(number, CultureInfo.InvariantCulture)));
                }
                else if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
                {
                    tokens.Add(new Token(TokenKind.Number, number, start, whole));
                }
                else
                {
                    throw new ExpressionException($"number '{number}' is out of range", start);
                }

                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
                continue;
            }

            if (c is '\'' or '"')
            {
                i++;
                var value = new System.Text.StringBuilder();
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new ExpressionException($"string starting here is not closed: expected {c}", start);
                    }

                    // Only the quote itself is escaped, so Windows paths and regexes keep their backslashes.
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == c)
                    {
                        value.Append(c);
                        i += 2;
                        continue;
                    }

                    if (text[i] == c)
                    {
                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(new Token(TokenKind.String, text[start..i], start, value.ToString()));
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                ?? throw new ExpressionException($"unexpected character '{c}'", start);
            tokens.Add(new Token(TokenKind.Operator, op, start));
            i += op.Length;
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static TimeSpan ParseDuration(string number, string unit, int position)
    {
        var amount = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => throw new ExpressionException($"unknown duration unit '{unit}': expected ms, s, m, h or d", position),
        };
    }
}
