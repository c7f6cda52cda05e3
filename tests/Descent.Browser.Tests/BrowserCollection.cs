namespace Descent.Browser.Tests;

/// <summary>The browser tests share one Notebook server and one Chromium and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ClassicNotebook>
{
    public const string Name = "classic Notebook + Chromium";
}
