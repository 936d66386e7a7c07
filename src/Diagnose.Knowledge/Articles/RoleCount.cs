namespace Diagnose.Knowledge.Articles;

/// <summary>
/// How many nodes an incident role takes (kb/ <c>incidents[].roles.*.count</c>): "1" (the default), "2", a range the seed
/// picks from ("1-3"), or up to every node still free ("1-rest", "0-rest", "rest" for all of them).
/// </summary>
public sealed record RoleCount(int Min, int? Max)
{
    /// <summary>Exactly one node: the count of a role that does not say.</summary>
    public static readonly RoleCount One = new(1, 1);

    /// <summary>True when the role may take more than one node (a role set): its placeholder repeats a step per node.</summary>
    public bool IsSet => Max != 1 || Min != 1;

    /// <summary>"rest": every node still free, however many (in a replay, every one must fit the role).</summary>
    public bool TakesAll { get; init; }

    /// <summary>"1", "2-3", "1-rest", "rest"; null when the text is none of these.</summary>
    public static RoleCount? Parse(string text)
    {
        var parts = text.Trim().Split('-', 2);
        if (parts.Length == 1)
        {
            return parts[0] == "rest" ? new RoleCount(0, null) { TakesAll = true } : int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? new RoleCount(n, n) : null;
        }

        if (!int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var min) || min < 0)
        {
            return null;
        }

        if (parts[1] == "rest")
        {
            return new RoleCount(min, null);
        }

        return int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var max) && max >= min && max >= 1 ? new RoleCount(min, max) : null;
    }
}
