using System.Collections.Concurrent;

namespace Descent.Models;

/// <summary>
/// Reusable scratch buffers for a model's passes, sized by the number of rows (examples) they hold. A call rents a
/// workspace at least as large as its batch and returns it when done, so repeated calls allocate nothing and
/// concurrent calls (threads, parallel experiments) each get their own. A full-batch workspace and a minibatch
/// workspace live side by side: renting never shrinks or drops a larger one.
/// </summary>
/// <typeparam name="TWorkspace">The model's buffers.</typeparam>
internal sealed class WorkspacePool<TWorkspace> where TWorkspace : class
{
    private readonly ConcurrentBag<TWorkspace> _bag = new();
    private readonly Func<TWorkspace, int> _capacity;
    private readonly Func<int, TWorkspace> _create;

    /// <summary>A pool that makes a workspace for <c>rows</c> rows with <paramref name="create"/> when none fits, and
    /// reads a workspace's row capacity with <paramref name="capacity"/>.</summary>
    public WorkspacePool(Func<int, TWorkspace> create, Func<TWorkspace, int> capacity)
    {
        _create = create;
        _capacity = capacity;
    }

    /// <summary>A workspace for at least <paramref name="rows"/> rows; give it back with <see cref="Lease.Dispose"/>
    /// (a <c>using</c> declaration).</summary>
    public Lease Rent(int rows)
    {
        TWorkspace? found = null;
        List<TWorkspace>? small = null;
        while (found is null && _bag.TryTake(out var ws))
        {
            if (_capacity(ws) >= rows)
            {
                found = ws;
            }
            else
            {
                (small ??= []).Add(ws);
            }
        }
        if (small is not null)
        {
            foreach (var ws in small)
            {
                _bag.Add(ws);
            }
        }

        return new Lease(this, found ?? _create(rows));
    }

    /// <summary>A rented workspace; disposing it returns the workspace to the pool.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly WorkspacePool<TWorkspace> _pool;

        internal Lease(WorkspacePool<TWorkspace> pool, TWorkspace workspace)
        {
            _pool = pool;
            Workspace = workspace;
        }

        /// <summary>The buffers, valid until the lease is disposed.</summary>
        public TWorkspace Workspace { get; }

        /// <summary>Returns the workspace to the pool.</summary>
        public void Dispose() => _pool._bag.Add(Workspace);
    }
}
