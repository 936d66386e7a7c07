namespace Diagnose.Knowledge.Events;

/// <summary>How a catalog field is computed from another field of the same event (written <c>"derive"</c>).</summary>
public enum FieldDerivation
{
    /// <summary><c>"service-of-resource"</c>: the service a cluster resource runs, from the snapshot's resources, else the resource tables.</summary>
    ServiceOfResource,

    /// <summary><c>"service-in-registry-key"</c>: the name after <c>\Services\</c> in a registry key.</summary>
    ServiceInRegistryKey,

    /// <summary><c>"service-of-display-name"</c>: the service (key name) whose display name this is, from the resource tables' <c>serviceDisplayName</c>.</summary>
    ServiceOfDisplayName,
}
