using System.Globalization;
using Diagnose.Api.Http;

namespace Diagnose.Api.Endpoints;

/// <summary>
/// Reads query parameters strictly, so a value that does not parse is answered with the product's own
/// <c>bad-query</c> detail instead of the framework's binding error: one value per name, whole numbers in
/// plain digits (no sign, exponent or spaces) within range, times in ISO-8601.
/// </summary>
internal static class QueryValues
{
    /// <summary>The single value of <paramref name="name"/>, null when absent; an error when it is given twice.</summary>
    public static (string? Value, string? Error) One(HttpRequest request, string name)
    {
        var values = request.Query[name];
        return values.Count switch
        {
            0 => (null, null),
            1 => (values[0], null),
            _ => (null, $"'{name}' is given {values.Count} times; give it once"),
        };
    }

    public static (int? Value, string? Error) Integer(HttpRequest request, string name, int min, int max)
    {
        var (text, error) = One(request, name);
        if (text is null || error is not null)
        {
            return (null, error);
        }

        var expected = max == int.MaxValue ? $"a whole number of {min} or more" : $"a whole number from {min} to {max}";
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return (null, $"{name}='{Shown(text)}' is not {expected} (digits only: no sign, exponent or decimal point)");
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            return (null, $"{name}='{Shown(text)}' is out of range: expected {expected}");
        }

        return (value, null);
    }

    public static (DateTimeOffset? Value, string? Error) Time(HttpRequest request, string name)
    {
        var (text, error) = One(request, name);
        if (text is null || error is not null)
        {
            return (null, error);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? (parsed, null)
            : (null, $"{name}='{Shown(text)}' is not a date and time: expected ISO-8601, for example 2024-05-01T00:00:00Z");
    }

    public static (bool? Value, string? Error) Flag(HttpRequest request, string name)
    {
        var (text, error) = One(request, name);
        if (text is null || error is not null)
        {
            return (null, error);
        }

        return bool.TryParse(text, out var value) ? (value, null) : (null, $"{name}='{Shown(text)}' is not true or false");
    }

    /// <summary>
    /// Every value of <paramref name="name"/> as UTC offsets (<c>+02:00</c>, <c>NODEA=+01:00</c>). A '+' written
    /// unencoded in a query arrives as a space, so a space where the sign belongs is read as '+'.
    /// </summary>
    public static (IReadOnlyList<string> Values, string? Error) UtcOffsets(HttpRequest request, string name)
    {
        var values = request.Query[name].Select(v => Signed(v ?? "")).ToList();
        try
        {
            Clock.UtcOffsets.Parse(values, name);
            return (values, null);
        }
        catch (ArgumentException e)
        {
            return ([], Problems.Echo(e.Message));
        }
    }

    private static string Signed(string value)
    {
        var equals = value.IndexOf('=');
        var (node, offset) = equals >= 0 ? (value[..(equals + 1)], value[(equals + 1)..]) : ("", value);
        return node + (offset.Length == 6 && offset[0] == ' ' ? "+" + offset[1..] : offset);
    }

    private static string Shown(string text) => Problems.Echo(text);
}
