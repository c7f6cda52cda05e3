namespace Descent.Notebooks.Tests;

/// <summary>One shared session for the session tests (starting the engine costs about a second).</summary>
public sealed class SessionFixture : IAsyncLifetime
{
    private NotebookSession? _session;

    public NotebookSession Session => _session ?? throw new InvalidOperationException("The session has not started.");

    public async Task InitializeAsync() => _session = await NotebookSession.StartAsync(new NotebookSessionOptions(EmbedPlotlyJs: false));

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SessionCollection : ICollectionFixture<SessionFixture>
{
    public const string Name = "session";
}
