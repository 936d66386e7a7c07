using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Diagnose.Knowledge.Events;

/// <summary>
/// An English event message with <c>{0}</c>-style placeholders for the insertion strings, as Event Viewer
/// renders it. Renders messages (the simulator) and reads insertion strings back out of a rendered message
/// (CSV and pasted text carry no insertion strings).
/// </summary>
public sealed class MessageTemplate
{
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    private readonly IReadOnlyList<Segment> _segments;

    private MessageTemplate(string text, IReadOnlyList<Segment> segments)
    {
        Text = text;
        _segments = segments;
        PlaceholderCount = segments.Where(s => s.Placeholder >= 0).Select(s => s.Placeholder + 1).DefaultIfEmpty(0).Max();
    }

    /// <summary>The template as written, placeholders included.</summary>
    public string Text { get; }

    /// <summary>One more than the highest placeholder: how many insertion strings a message needs.</summary>
    public int PlaceholderCount { get; }

    /// <summary>Parses a template; false with the reason and its offset when a brace is not a <c>{n}</c> placeholder.</summary>
    public static bool TryParse(string text, out MessageTemplate? template, out string? error, out int errorOffset)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        (template, error, errorOffset) = (null, null, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                (error, errorOffset) = ("'}' without its '{': placeholders are written {0}, {1}, …", i);
                return false;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > 99)
            {
                (error, errorOffset) = ("'{' must start a placeholder {0}…{99}", i);
                return false;
            }

            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal.ToString(), -1));
                literal.Clear();
            }

            segments.Add(new Segment("", index));
            i = close;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), -1));
        }

        template = new MessageTemplate(text, segments);
        return true;
    }

    /// <summary>The message with each placeholder replaced by its insertion string.</summary>
    /// <exception cref="ArgumentException">Fewer insertion strings than the template's placeholders.</exception>
    public string Render(IReadOnlyList<string> insertionStrings)
    {
        ArgumentNullException.ThrowIfNull(insertionStrings);
        if (insertionStrings.Count < PlaceholderCount)
        {
            throw new ArgumentException($"the message \"{Text}\" needs {PlaceholderCount} insertion strings, got {insertionStrings.Count}", nameof(insertionStrings));
        }

        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            text.Append(segment.Placeholder >= 0 ? insertionStrings[segment.Placeholder] : segment.Literal);
        }

        return text.ToString();
    }

    /// <summary>
    /// A pattern that reads the placeholders up to <paramref name="lastNeeded"/> from a message whose
    /// whitespace has been collapsed to single spaces. Integer placeholders match only numbers; the text
    /// after the last needed placeholder is matched only as far as its first two words, because the rest
    /// of a message differs between Windows versions (SP4 / SP 4, an added "This message is informational").
    /// Quotes are optional and may be either kind.
    /// </summary>
    internal Regex ToRegex(IReadOnlySet<int> integerPlaceholders, int lastNeeded)
    {
        var pattern = new StringBuilder();
        var seen = new HashSet<int>();
        var lastAt = -1;
        for (var i = 0; i < _segments.Count; i++)
        {
            if (_segments[i].Placeholder == lastNeeded)
            {
                lastAt = i;
                break;
            }
        }

        for (var i = 0; i < _segments.Count; i++)
        {
            var segment = _segments[i];
            if (lastAt >= 0 && i > lastAt)
            {
                // Only the words that close the last needed placeholder.
                if (segment.Placeholder < 0)
                {
                    AppendLiteral(pattern, FirstWords(segment.Literal, 2));
                }

                break;
            }

            if (segment.Placeholder < 0)
            {
                AppendLiteral(pattern, segment.Literal);
            }
            else if (!seen.Add(segment.Placeholder))
            {
                pattern.Append(CultureInfo.InvariantCulture, $@"\k<p{segment.Placeholder}>");
            }
            else if (integerPlaceholders.Contains(segment.Placeholder))
            {
                pattern.Append(CultureInfo.InvariantCulture, $@"(?<p{segment.Placeholder}>[-+]?\d+)");
            }
            else
            {
                // Lazy, so the literal after it ends it; greedy when nothing follows.
                var open = i + 1 >= _segments.Count || (i == lastAt && _segments[i + 1].Placeholder >= 0);
                pattern.Append(CultureInfo.InvariantCulture, $"(?<p{segment.Placeholder}>.+{(open ? "" : "?")})");
            }
        }

        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>Collapses whitespace, as pasted text wraps anywhere.</summary>
    internal static string Collapse(string message) => Whitespace.Replace(message, " ").Trim();

    private static void AppendLiteral(StringBuilder pattern, string literal)
    {
        var parts = Whitespace.Split(literal);

        // Only whitespace between two placeholders must be there: "{0} {1}" must not split "5.0" into "5." and "0".
        var separatorOnly = parts.All(p => p.Length == 0);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                pattern.Append(separatorOnly ? @"\s+" : @"\s*");
            }

            // Exports and articles quote names with ' or " or not at all: a quote in the template is optional and either kind.
            pattern.Append(string.Join(@"['""]?", parts[i].Split('\'', '"').Select(Regex.Escape)));
        }
    }

    private static string FirstWords(string literal, int words)
    {
        var seen = 0;
        var inWord = false;
        for (var i = 0; i < literal.Length; i++)
        {
            var space = char.IsWhiteSpace(literal[i]);
            if (!space && !inWord && ++seen > words)
            {
                return literal[..i];
            }

            inWord = !space;
        }

        return literal;
    }

    /// <summary>The template as written (<see cref="Text"/>).</summary>
    public override string ToString() => Text;

    private sealed record Segment(string Literal, int Placeholder);
}
