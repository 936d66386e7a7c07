namespace Diagnose.Knowledge.Events;

/// <summary>
/// Marks a catalogued event as a clock marker (<c>"clock"</c> in a catalog entry): a moment that two nodes log
/// at nearly the same instant, so the difference between their log times measures the offset between their clocks.
/// <see cref="Peer"/> is the fact field naming the other node: a marker on node X naming Y pairs with the same
/// marker on Y naming X (and equal <see cref="Key"/> fields). <see cref="Within"/> is how far apart in true time
/// the two nodes may log that moment; <see cref="Source"/> cites the document that says so.
/// </summary>
public sealed record ClockMarker(string Peer, IReadOnlyList<string> Key, TimeSpan Within, string Source);
