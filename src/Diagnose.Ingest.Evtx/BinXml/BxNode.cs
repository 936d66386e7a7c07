namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>
/// One node of a decoded binary XML tree. Template trees are decoded once per chunk and shared by every
/// record that uses them; substitutions are resolved against each record's <see cref="ValueSet"/>.
/// Fields rather than properties: this is a hot, internal structure.
/// </summary>
internal sealed class BxNode
{
    public static readonly BxNode[] None = [];

    public BxNodeKind Kind;

    /// <summary>Element, attribute, entity or PI target name.</summary>
    public string Name = string.Empty;

    /// <summary>Literal text, CDATA or PI data.</summary>
    public string? Text;

    /// <summary>Substitution index, or the character of a character reference.</summary>
    public int Index;

    /// <summary>Value type declared by the substitution token.</summary>
    public BinXmlValueType ValueType;

    public bool Optional;

    public BxNode[] Attributes = None;

    /// <summary>Element content, or an attribute's value parts.</summary>
    public BxNode[] Children = None;

    /// <summary>For <see cref="BxNodeKind.Instance"/>: the template and its values.</summary>
    public BxTemplate? Template;

    public ValueSet? Values;
}
