namespace Diagnose.Rules.Engine;

/// <summary>
/// Pending activations in firing order: higher salience first, then the most recent match (newest fact),
/// then rule order and creation order. Withdrawn activations are skipped when they reach the top.
/// </summary>
internal sealed class Agenda
{
    private readonly PriorityQueue<Activation, Activation> _queue = new(Order.Instance);

    public int Count => _queue.Count;

    public void Add(Activation activation) => _queue.Enqueue(activation, activation);

    public Activation? Next()
    {
        while (_queue.TryDequeue(out var activation, out _))
        {
            if (activation.State == ActivationState.Pending)
            {
                return activation;
            }
        }

        return null;
    }

    public IEnumerable<Activation> Pending => _queue.UnorderedItems.Select(i => i.Element).Where(a => a.State == ActivationState.Pending);

    private sealed class Order : IComparer<Activation>
    {
        public static readonly Order Instance = new();

        public int Compare(Activation? x, Activation? y)
        {
            var c = y!.Rule.Priority.CompareTo(x!.Rule.Priority);
            if (c == 0)
            {
                c = y.Recency.CompareTo(x.Recency);
            }

            if (c == 0)
            {
                c = x.Order.CompareTo(y.Order);
            }

            return c != 0 ? c : y.Sequence.CompareTo(x.Sequence);
        }
    }
}
