namespace Descent;

/// <summary>
/// The cancellation a host wants every long library loop to honour when the caller passed no token: the notebook
/// session points it at the running cell's token, so interrupting a cell stops <c>Trainer.Run</c> (and every
/// experiment built on it) without the learner threading a token through. Outside a host it is
/// <see cref="CancellationToken.None"/>. A scope set with <see cref="Use"/> (per async flow) wins over the host's.
/// </summary>
public static class AmbientCancellation
{
    private static readonly AsyncLocal<CancellationToken?> Scoped = new();
    private static Func<CancellationToken>? _host;

    /// <summary>The token library loops check when none was passed.</summary>
    public static CancellationToken Token => Scoped.Value ?? _host?.Invoke() ?? CancellationToken.None;

    /// <summary><paramref name="token"/> if it can be cancelled, otherwise the ambient <see cref="Token"/>.</summary>
    public static CancellationToken Or(CancellationToken token) => token.CanBeCanceled ? token : Token;

    /// <summary>Sets the host's provider (the notebook session: the running cell's token). Called once per process.</summary>
    public static void SetHost(Func<CancellationToken> provider) =>
        _host = provider ?? throw new ArgumentNullException(nameof(provider));

    /// <summary>Makes <paramref name="token"/> ambient for the current async flow until the result is disposed.</summary>
    public static IDisposable Use(CancellationToken token)
    {
        var previous = Scoped.Value;
        Scoped.Value = token;
        return new Restore(previous);
    }

    private sealed class Restore(CancellationToken? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
