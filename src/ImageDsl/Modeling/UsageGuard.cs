namespace ImageDsl.Modeling;

/// <summary>
/// Keeps a model's native memory alive while calls use it: every public call that touches the
/// network holds a lease (many at once, like readers), and <see cref="Close"/> (the writer) marks
/// the model disposed, waits for the leases out, and only then lets the network be freed. Calls
/// after that throw <see cref="ObjectDisposedException"/> naming the model, never touch freed
/// memory. Without it a Dispose on one thread while another predicts crashed the process.
/// </summary>
internal sealed class UsageGuard(string name)
{
    private readonly object gate = new();
    private readonly ThreadLocal<int> heldHere = new();
    private int active;
    private bool closed;

    /// <summary>The model's name, as errors after disposal show it.</summary>
    public string Name => name;

    /// <summary>True once <see cref="Close"/> has begun.</summary>
    public bool IsClosed
    {
        get { lock (gate) return closed; }
    }

    /// <summary>Takes a lease for one call, or throws if the model is disposed or being disposed.</summary>
    public Lease Enter(string operation)
    {
        lock (gate)
        {
            if (closed) throw Disposed(operation);
            active++;
            heldHere.Value++;
        }
        return new Lease(this);
    }

    /// <summary>The exception a call after disposal throws.</summary>
    public ObjectDisposedException Disposed(string operation) =>
        new(name, $"The {name} has been disposed; it cannot {operation}. Load or create the model again.");

    private void Exit()
    {
        lock (gate)
        {
            heldHere.Value--;
            if (--active == 0) Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// Refuses new leases and waits until the current ones are returned. False if it was closed
    /// already (a second Dispose does nothing).
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside one of the model's own calls (a progress callback), which would wait for itself.</exception>
    public bool Close()
    {
        lock (gate)
        {
            if (closed) return false;
            if (heldHere.Value > 0)
                throw new InvalidOperationException($"The {name} cannot be disposed from inside one of its own calls (such as a progress callback of Train); dispose it after the call returns.");
            closed = true;
            while (active > 0) Monitor.Wait(gate);
            return true;
        }
    }

    /// <summary>One call's hold on the model.</summary>
    public readonly struct Lease(UsageGuard guard) : IDisposable
    {
        /// <summary>Returns the lease.</summary>
        public void Dispose() => guard.Exit();
    }
}
