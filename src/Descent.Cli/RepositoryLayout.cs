namespace Descent.Cli;

/// <summary>Finds the course repository (the folder with <c>Descent.slnx</c>) and its notebooks.</summary>
public static class RepositoryLayout
{
    /// <summary>The repository root above <paramref name="start"/> (default: the current directory), or <c>null</c>.</summary>
    public static string? FindRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Descent.slnx")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Chapter notebooks <c>notebooks/NN-name.ipynb</c> and their solutions, in course order.</summary>
    public static IReadOnlyList<string> Notebooks(string root)
    {
        var dir = Path.Combine(root, "notebooks");
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var chapters = Directory.GetFiles(dir, "*.ipynb").Where(NotHidden).Order(StringComparer.Ordinal);
        var solutionsDir = Path.Combine(dir, "solutions");
        var solutions = Directory.Exists(solutionsDir) ? Directory.GetFiles(solutionsDir, "*.ipynb").Where(NotHidden).Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        return chapters.Concat(solutions).ToArray();
    }

    private static bool NotHidden(string path) => !Path.GetFileName(path).StartsWith('.');

    /// <summary><paramref name="path"/> relative to the current directory when inside it, for messages.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
