using Diagnose.Rules.Facts;

namespace Diagnose.Clock;

/// <summary>One clock marker as logged: by <see cref="Node"/> about <see cref="Peer"/>, with the marker's key values, at the node's own time.</summary>
internal sealed record MarkerObservation(string Node, string Peer, string Key, DateTime Time, TimeSpan Within, string Event, Fact Fact);
