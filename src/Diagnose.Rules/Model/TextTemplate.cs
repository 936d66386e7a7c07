using System.Globalization;
using System.Text;
using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>Text with <c>{alias.field}</c> placeholders filled from a match, e.g. a root-cause sentence.</summary>
public sealed class TextTemplate
{
    private readonly IReadOnlyList<object> _parts;

    private TextTemplate(IReadOnlyList<object> parts) => _parts = parts;

    /// <summary>Parses and compiles the placeholders; a bad one throws with its position in the text.</summary>
    public static TextTemplate Compile(string text, AliasScope scope)
    {
        var parts = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add(text[i..]);
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new ExpressionException("'{' is not closed by '}'", open);
            }

            parts.Add(text[i..open]);
            var inner = text[(open + 1)..close];
            try
            {
                parts.Add(Compiler.Compile(inner, scope));
            }
            catch (ExpressionException e)
            {
                throw new ExpressionException(e.Message, open + 1 + e.Position);
            }

            i = close + 1;
        }

        return new TextTemplate(parts);
    }

    /// <summary>
    /// The text with each placeholder's value from <paramref name="match"/>: times as <c>yyyy-MM-dd HH:mm:ss UTC</c>,
    /// numbers in the invariant culture, a missing value as "(unknown)".
    /// </summary>
    public string Render(Fact?[] match)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part is CompiledExpression e ? Format(e.Evaluate(match)) : (string)part);
        }

        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "(unknown)",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
        TimeSpan d => d.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
