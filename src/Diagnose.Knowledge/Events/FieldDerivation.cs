namespace Diagnose.Knowledge.Events;

/// <summary>How a catalog field is computed from another field of the same event (written <c>"derive"</c>).</summary>
public enum FieldDerivation
{
    /// <summary><c>"service-of-resource"</c>: the service a cluster resource runs, from the snapshot's resources, else the resource tables.</summary>
    ServiceOfResource,

    /// <summary><c>"service-in-registry-key"</c>: the name after <c>\Services\</c> in a registry key.</summary>
    ServiceInRegistryKey,

    /// <summary>
    /// <c>"version-map"</c>: the first <c>major.minor</c> number in the text (<c>5.02.</c>, <c>5.0</c>, <c>(R) 4.0</c>), looked up
    /// as <c>major.minor</c> without leading zeros in the field's <c>map</c> (data such as <c>{"5.2": "windows2003"}</c>).
    /// </summary>
    VersionMap,

    /// <summary><c>"folder"</c>: the folder part of a Windows path (up to its last backslash), compared case-insensitively by rules.</summary>
    Folder,

    /// <summary><c>"service-of-display-name"</c>: the service (key name) whose display name this is, from the resource tables' <c>serviceDisplayName</c>.</summary>
    ServiceOfDisplayName,
}
