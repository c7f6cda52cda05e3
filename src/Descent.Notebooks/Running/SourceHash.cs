using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Descent.Notebooks.Ipynb;

namespace Descent.Notebooks.Running;

/// <summary>
/// Content hashes that decide whether a chapter must run again: the code cells of the notebook plus the source of
/// the libraries it runs against. Stored in the notebook as <c>metadata.descent.source_hash</c> after a clean run.
/// </summary>
public static class SourceHash
{
    /// <summary>The metadata key (under <c>metadata.descent</c>) holding the hash of the last clean run.</summary>
    public const string MetadataKey = "source_hash";

    /// <summary>SHA-256 over every <c>.cs</c>, <c>.csproj</c> and <c>.props</c> file under the given folders (paths relative,
    /// line endings normalized, sorted), so it is the same in every clone of the same commit.</summary>
    public static string OfSources(string root, IEnumerable<string> relativeFolders)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(relativeFolders);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = relativeFolders
            .Select(f => Path.Combine(root, f))
            .SelectMany(dir => Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                : File.Exists(dir) ? [dir] : [])
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Relative: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(File.ReadAllText(full).Replace("\r\n", "\n") + "\0"));
        }

        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>SHA-256 of the notebook's code cells (in order) and <paramref name="librarySourceHash"/>.</summary>
    public static string OfNotebook(Notebook notebook, string librarySourceHash)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var text = new StringBuilder(librarySourceHash).Append('\n');
        foreach (var cell in notebook.CodeCells)
        {
            text.Append(cell.Source.Replace("\r\n", "\n")).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    /// <summary>The hash stored by the last clean run, or <c>null</c>.</summary>
    public static string? Stored(Notebook notebook) =>
        notebook.Metadata["descent"]?[MetadataKey] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>Stores <paramref name="hash"/> as the hash of this clean run.</summary>
    public static void Stamp(Notebook notebook, string hash)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (notebook.Metadata["descent"] is not JsonObject descent)
        {
            descent = [];
            notebook.Metadata["descent"] = descent;
        }

        descent[MetadataKey] = hash;
    }
}
