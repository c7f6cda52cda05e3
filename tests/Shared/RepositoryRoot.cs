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

    /// <summary>The committed chapter files <c>notebooks/NN-name.ipynb</c> (or, with <paramref name="solutions"/>, those in
    /// notebooks/solutions), in ordinal order. Tests elsewhere run hidden copies (<c>.test-*.ipynb</c>) beside the chapters
    /// while this is read, and an atomic write leaves a hidden temporary for a moment: neither is a chapter.</summary>
    public static string[] Chapters(bool solutions = false)
    {
        var dir = solutions ? Combine("notebooks", "solutions") : Combine("notebooks");
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.ipynb", SearchOption.TopDirectoryOnly)
                .Where(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), @"^[0-9]{2}-[^.].*\.ipynb$"))
                .Order(StringComparer.Ordinal).ToArray()
            : [];
    }

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
