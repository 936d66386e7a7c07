namespace Diagnose.Simulation.Validation;

/// <summary>A replay's evidence gives no nodes for an incident's role (a situation the snapshot does not show), so another of the article's situations may fit.</summary>
#pragma warning disable CA1032 // only thrown with a message
internal sealed class RolesDoNotFitException(string message) : Exception(message);
#pragma warning restore CA1032
