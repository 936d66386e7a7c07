using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Network;

/// <summary>
/// How a beta node joins its pattern to the partial matches before it: equality keys for the hash
/// indexes (left side over the token, right side over the fact), an optional range on one right field
/// (bounds computed from the token), and the full test of the condition's non-alpha parts.
/// </summary>
internal sealed record JoinSpec(
    IReadOnlyList<Func<Fact?[], object?>> LeftKeys,
    IReadOnlyList<Func<Fact?[], object?>> RightKeys,
    int RangeField,
    Func<Fact?[], object?>? Lower,
    Func<Fact?[], object?>? Upper,
    Func<Fact?[], bool>? Test,
    string Description)
{
    public static readonly JoinSpec None = new([], [], -1, null, null, null, "");
}
