namespace Descent.Data;

/// <summary>Finds a file shipped in the repository's data/ folder by walking up from the current directory, then from
/// the application folder (the same search as <see cref="Digits.FindFile()"/>).</summary>
internal static class DataFiles
{
    public static string Find(string fileName)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", fileName);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException(
            $"Could not find data/{fileName} in any folder above the current directory ({Environment.CurrentDirectory}) "
            + $"or the application folder ({AppContext.BaseDirectory}). Run from inside the repository.", fileName);
    }
}
