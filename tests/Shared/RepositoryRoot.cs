namespace Descent.Testing;

/// <summary>The repository's root folder (the one holding Descent.slnx), found by walking up from the test assembly.
/// One source file, linked into every test project that reads repository files (see each csproj).</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The absolute path of the root folder.</summary>
    public static string FullName => Root.Value;

    /// <summary>A path below the root, e.g. <c>RepositoryRoot.Combine("notebooks", "descent.csx")</c>.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Descent.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Descent.slnx) above " + AppContext.BaseDirectory);
    }
}
