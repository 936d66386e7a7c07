using System.Globalization;
using System.Text.RegularExpressions;
using Diagnose.Core.Records;

namespace Diagnose.Normalise;

/// <summary>
/// Reads values from an event's insertion strings, or, only when the export carried none (CSV,
/// pasted text), from its English message with a pattern that mirrors the message template.
/// </summary>
internal sealed class InsertionData
{
    private readonly IReadOnlyList<string?> _values;
    private readonly Match? _message;

    public InsertionData(EventRecord record, Regex englishMessage)
    {
        _values = record.Data.Select(d => d.Value).ToArray();
        if (_values.Count == 0 && record.Message is { } message)
        {
            // Pasted messages wrap anywhere, even inside names: match on single-spaced text.
            var match = englishMessage.Match(Whitespace.Replace(message, " "));
            _message = match.Success ? match : null;
        }
    }

    /// <summary>True when neither insertion strings nor a recognised message are available.</summary>
    public bool Empty => _values.Count == 0 && _message is null;

    /// <summary>The insertion string at <paramref name="index"/>, else the message group of that name.</summary>
    public string? Text(int index, string group)
    {
        if (_values.Count > 0)
        {
            return index < _values.Count ? Clean(_values[index]) : null;
        }

        return _message?.Groups[group] is { Success: true } g ? Clean(g.Value) : null;
    }

    /// <summary>The first insertion string (from <paramref name="from"/> on) that satisfies <paramref name="accept"/>, else the message group.</summary>
    public string? Find(Func<string, bool> accept, string group, int from = 0, bool last = false)
    {
        if (_values.Count > 0)
        {
            var candidates = _values.Skip(from).Select(Clean).OfType<string>().Where(accept);
            return last ? candidates.LastOrDefault() : candidates.FirstOrDefault();
        }

        return _message?.Groups[group] is { Success: true } g ? Clean(g.Value) : null;
    }

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    public static long? Integer(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool IsNegativeInteger(string text) => Integer(text) is < 0;

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim().Trim('\'', '"').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
