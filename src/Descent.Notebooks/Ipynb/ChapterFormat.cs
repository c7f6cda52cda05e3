using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Descent.Notebooks.Ipynb;

/// <summary>What a notebook is in the course, from where it lives.</summary>
public enum NotebookRole
{
    /// <summary>Any other notebook: ids, slides, kernelspec and <c>#load</c> path are normalized, nothing else.</summary>
    Other,

    /// <summary>A chapter, <c>notebooks/NN-name.ipynb</c>: also ends with its <em>Extend this</em> section.</summary>
    Chapter,

    /// <summary>A solutions notebook, <c>notebooks/solutions/NN-name.ipynb</c>: its chapter with the exercises answered.</summary>
    Solutions,
}

/// <summary>
/// The course's notebook conventions, applied by <c>descent fmt</c> and checked by its <c>--check</c> and the tests.
/// The <c>.ipynb</c> files are the source; this only normalizes what a lecturer should not have to maintain by hand:
/// <list type="bullet">
/// <item><b>Sections.</b> A markdown cell is cut before every <c>#</c>, <c>##</c> or <c>###</c> heading that is not its
/// first line (outside code fences), so every section opens its own slide; leading and trailing blank lines of every
/// cell are removed.</item>
/// <item><b>Cell ids</b> are <c>chNN-II</c> in a chapter and <c>chNN-sol-II</c> in its solutions (NN the chapter number
/// from the file name, II the cell's index, two digits at least); other notebooks use their file name.</item>
/// <item><b>Slides</b> (<c>metadata.slideshow.slide_type</c>, read by RISE, JupyterLab, VS Code and <c>build --slides</c>):
/// a markdown cell starting with <c>#</c> or <c>##</c> opens a <c>slide</c>, one starting with <c>###</c> a
/// <c>subslide</c>; every other cell is <c>-</c> (continues the slide) unless it is marked <c>notes</c>, <c>skip</c> or
/// <c>fragment</c>, which are kept.</item>
/// <item><b>Kernel</b>: the Descent kernelspec and C# <c>language_info</c>.</item>
/// <item><b><c>#load</c></b>: a code line <c>#load "…descent.csx"</c> points at <c>notebooks/descent.csx</c> relative to
/// the notebook's folder (<c>descent.csx</c> in a chapter, <c>../descent.csx</c> in a solutions notebook).</item>
/// <item><b><em>Extend this</em></b>: a chapter ends with one <c>## Extend this</c> markdown cell in the standard wording;
/// the task's description is kept from the cell (or taken from <see cref="ExtendTasks"/> when the cell is missing).</item>
/// <item><b>Solutions</b> = the chapter with every exercise answered: the chapter's cells in order (relative links
/// rebased to <c>notebooks/solutions/</c>), where each answer cell <c>Check.Exercise("NN.k", double.NaN)</c> is replaced
/// by the worked solution — the consecutive cells tagged <see cref="SolutionTag"/> up to the one that calls
/// <c>Check.Exercise("NN.k", …)</c>, plus the tagged remarks after it up to the next chapter cell. Every cell not tagged <c>solution</c> must equal its chapter cell in source; <see
/// cref="DeriveSolutions"/> copies the chapter's cells over the drifted ones.</item>
/// </list>
/// Outputs, execution counts and every metadata key not named above are kept.
/// </summary>
public static partial class ChapterFormat
{
    /// <summary>The cell tag (<c>metadata.tags</c>) that marks a worked-solution cell in a solutions notebook.</summary>
    public const string SolutionTag = "solution";

    /// <summary>The heading that opens the closing <em>Extend this</em> section of a chapter.</summary>
    public const string ExtendHeading = "## Extend this";

    /// <summary>The self-learner's task of each chapter (the formulas and checks are in docs/extend.md and extend/),
    /// used when a chapter has no <em>Extend this</em> section yet.</summary>
    public static IReadOnlyDictionary<string, string> ExtendTasks { get; } = new Dictionary<string, string>
    {
        ["00"] = "a new surrogate loss, the squared hinge $\\max(0, 1 - m)^2$, and its derivative (`SquaredHinge`)",
        ["01"] = "a diagonal (Jacobi) preconditioner as a gradient transform, $u_i \\mapsto u_i / H_{ii}$ (`ScaleByInverseDiagonal`)",
        ["02"] = "an objective with a spurious minimum, $(x^2-1)^2 + ax + y^2$, with its exact gradient and Hessian (`TiltedDoubleWell`)",
        ["03"] = "a transform that steps along the most negative curvature direction when the gradient vanishes (`NegativeCurvatureStep`)",
        ["04"] = "adaptive gradient clipping to a multiple of the running mean norm, with the mean kept in the transform's state (`ClipByAdaptiveNorm`)",
        ["05"] = "a scaled orthogonal recurrent matrix $\\rho Q$, whose every eigenvalue has modulus $\\rho$ (`ScaledOrthogonal`)",
        ["06"] = "Polyak–Ruppert averaging of SGD iterates (`IterateAveraging`)",
        ["07"] = "a quadratic Bézier path between two minima, the piece you train for mode connectivity (`BezierPath`)",
        ["08"] = "a backtracking (Armijo) line search that needs no Lipschitz constant (`Armijo`)",
    };

    /// <summary>The role of the notebook at <paramref name="path"/>: a chapter is <c>notebooks/NN-name.ipynb</c>, a
    /// solutions notebook <c>notebooks/solutions/NN-name.ipynb</c>.</summary>
    public static NotebookRole RoleOf(string path)
    {
        var full = Path.GetFullPath(path);
        var name = Path.GetFileName(full);
        var dir = Path.GetDirectoryName(full) ?? "";
        if (!ChapterFileName().IsMatch(name))
        {
            return NotebookRole.Other;
        }

        if (Path.GetFileName(dir) == "notebooks")
        {
            return NotebookRole.Chapter;
        }

        return Path.GetFileName(dir) == "solutions" && Path.GetFileName(Path.GetDirectoryName(dir)) == "notebooks"
            ? NotebookRole.Solutions
            : NotebookRole.Other;
    }

    /// <summary>The chapter a solutions notebook answers: <c>notebooks/solutions/X.ipynb</c> → <c>notebooks/X.ipynb</c>.</summary>
    public static string ChapterOf(string solutionsPath)
    {
        var full = Path.GetFullPath(solutionsPath);
        return Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(full))!, Path.GetFileName(full));
    }

    /// <summary>The solutions notebook of a chapter: <c>notebooks/X.ipynb</c> → <c>notebooks/solutions/X.ipynb</c>.</summary>
    public static string SolutionsOf(string chapterPath)
    {
        var full = Path.GetFullPath(chapterPath);
        return Path.Combine(Path.GetDirectoryName(full)!, "solutions", Path.GetFileName(full));
    }

    /// <summary>
    /// Normalizes a chapter or any other notebook (not a solutions notebook: use <see cref="DeriveSolutions"/>). Returns a
    /// new notebook and one line per change, naming the cell.
    /// </summary>
    /// <param name="notebook">The notebook as read; it is not modified.</param>
    /// <param name="path">Where it lives (decides the role, the ids and the <c>#load</c> path).</param>
    public static (Notebook Notebook, IReadOnlyList<string> Changes) Format(Notebook notebook, string path)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var changes = new List<string>();
        var result = Copy(notebook);
        var role = RoleOf(path);
        if (role == NotebookRole.Chapter)
        {
            EnsureExtendSection(result, Path.GetFileName(path)[..2], changes);
        }

        Normalize(result, path, changes);
        return (result, changes);
    }

    /// <summary>
    /// The solutions notebook of <paramref name="chapter"/>: the chapter's cells, each exercise answer cell replaced by the
    /// worked solution found in <paramref name="solutions"/> (cells tagged <see cref="SolutionTag"/>), normalized.
    /// Chapter cells keep the outputs stored in <paramref name="solutions"/> when their source is unchanged, else they take
    /// the chapter's. <c>Changes</c> names every drifted cell, every exercise without a worked solution and every
    /// solution without an exercise (kept at the end, so no work is lost).
    /// </summary>
    /// <param name="chapter">The chapter, already formatted.</param>
    /// <param name="solutions">The solutions notebook as read (not modified).</param>
    /// <param name="solutionsPath">Where the solutions notebook lives.</param>
    public static (Notebook Notebook, IReadOnlyList<string> Changes) DeriveSolutions(Notebook chapter, Notebook solutions, string solutionsPath)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(solutions);
        ArgumentException.ThrowIfNullOrEmpty(solutionsPath);
        var changes = new List<string>();
        var csx = LoadPath(solutionsPath);

        // The worked solutions: runs of consecutive tagged cells. Within a run, a solution ends with the cell that calls
        // Check.Exercise("NN.k", …); tagged cells after the run's last such call belong to its last solution.
        var groups = new List<(string Exercise, List<NotebookCell> Cells)>();
        var oldChapterCells = new List<NotebookCell>();
        var pending = new List<NotebookCell>();
        var runStart = 0;
        void EndRun()
        {
            if (pending.Count == 0)
            {
                return;
            }

            if (groups.Count > runStart)
            {
                groups[^1].Cells.AddRange(pending);
            }
            else
            {
                changes.Add($"cell {pending[0].Id}: tagged '{SolutionTag}' but no cell of its run calls Check.Exercise(\"NN.k\", …)");
                groups.Add(("", [.. pending]));
            }

            pending.Clear();
        }

        foreach (var cell in solutions.Cells)
        {
            if (!IsSolution(cell))
            {
                EndRun();
                runStart = groups.Count;
                oldChapterCells.Add(cell);
                continue;
            }

            pending.Add(cell);
            if (ExerciseCall().Matches(cell.Source).LastOrDefault() is { } call)
            {
                groups.Add((call.Groups[1].Value, [.. pending]));
                pending.Clear();
            }
        }

        EndRun();

        var result = new Notebook { Metadata = (JsonObject)solutions.Metadata.DeepClone(), NbFormatMinor = solutions.NbFormatMinor };
        foreach (var (key, value) in solutions.Extra)
        {
            result.Extra[key] = value?.DeepClone();
        }

        var used = new HashSet<int>();
        var nextOld = 0;
        foreach (var cell in chapter.Cells)
        {
            if (cell.IsCode && UnansweredExercise().Match(cell.Source.Trim()) is { Success: true } answer)
            {
                var index = groups.FindIndex(g => g.Exercise == answer.Groups[1].Value);
                if (index >= 0 && used.Add(index))
                {
                    result.Cells.AddRange(groups[index].Cells.Select(Copy));
                    continue;
                }

                changes.Add($"exercise {answer.Groups[1].Value} (chapter cell {cell.Id}) has no worked solution: answer it in a code cell tagged '{SolutionTag}'");
            }

            var source = Rebase(cell, csx);
            var derived = Copy(cell);
            derived.Source = source;
            // Outputs of an unchanged cell stay; a new or changed one shows the chapter's until the next run.
            var match = -1;
            for (var j = nextOld; j < oldChapterCells.Count; j++)
            {
                if (oldChapterCells[j].CellType == cell.CellType && Trim(FixLoadLines(oldChapterCells[j].Source, csx)) == Trim(source))
                {
                    match = j;
                    break;
                }
            }

            if (match >= 0)
            {
                for (var j = nextOld; j < match; j++)
                {
                    changes.Add($"cell {oldChapterCells[j].Id}: not in the chapter (removed; tag it '{SolutionTag}' if it belongs to a worked solution)");
                }

                var old = oldChapterCells[match];
                derived.Id = old.Id;
                derived.Outputs.Clear();
                derived.Outputs.AddRange(old.Outputs.Select(o => (JsonObject)o.DeepClone()));
                derived.ExecutionCount = old.ExecutionCount;
                nextOld = match + 1;
            }
            else
            {
                changes.Add($"chapter cell {cell.Id}: missing or drifted in the solutions notebook (copied from the chapter)");
            }

            result.Cells.Add(derived);
        }

        for (var j = nextOld; j < oldChapterCells.Count; j++)
        {
            changes.Add($"cell {oldChapterCells[j].Id}: not in the chapter (removed; tag it '{SolutionTag}' if it belongs to a worked solution)");
        }

        for (var i = 0; i < groups.Count; i++)
        {
            if (!used.Contains(i))
            {
                changes.Add($"cell {groups[i].Cells[0].Id}: worked solution of {(groups[i].Exercise.Length == 0 ? "no exercise" : $"exercise {groups[i].Exercise}, which the chapter does not ask")} (kept at the end)");
                result.Cells.AddRange(groups[i].Cells.Select(Copy));
            }
        }

        Normalize(result, solutionsPath, changes);
        return (result, changes);
    }

    /// <summary><c>true</c> when the cell is part of a worked solution (tagged <see cref="SolutionTag"/>).</summary>
    public static bool IsSolution(NotebookCell cell) =>
        cell.Metadata["tags"] is JsonArray tags && tags.Any(t => t is JsonValue v && v.TryGetValue(out string? s) && s == SolutionTag);

    /// <summary>The <em>Extend this</em> cell of chapter <paramref name="number"/> with the given task description.</summary>
    public static string ExtendSection(string number, string task) => $"""
        {ExtendHeading}

        Change the library: implement {task} in `extend/Chapter{number}.cs`, then check it with

        ```
        dotnet test extend --filter Chapter{number}
        ```

        The checks fail until your code is right; the formulas are in [docs/extend.md](../docs/extend.md) and a worked solution
        in `extend/solutions/Chapter{number}.cs`. To use it here: `dotnet build extend`, restart the kernel, and run
        `#r "../extend/bin/Debug/net10.0/Descent.Extend.dll"`.
        """.ReplaceLineEndings("\n");

    private static void EnsureExtendSection(Notebook notebook, string number, List<string> changes)
    {
        var index = notebook.Cells.FindIndex(c => c.CellType == "markdown" && c.Source.TrimStart().StartsWith(ExtendHeading, StringComparison.Ordinal));
        if (index < 0)
        {
            if (!ExtendTasks.TryGetValue(number, out var task))
            {
                return;
            }

            notebook.Cells.Add(new NotebookCell("markdown", ExtendSection(number, task), ""));
            changes.Add($"the closing '{ExtendHeading}' section was missing (added)");
            return;
        }

        var cell = notebook.Cells[index];
        var described = ExtendTask().Match(cell.Source);
        var text = described.Success ? ExtendSection(number, described.Groups[1].Value)
            : ExtendTasks.TryGetValue(number, out var fallback) ? ExtendSection(number, fallback) : cell.Source;
        if (Trim(cell.Source) != text)
        {
            cell.Source = text;
            changes.Add($"cell {cell.Id}: the '{ExtendHeading}' section is not in the standard wording (rewritten)");
        }

        if (index != notebook.Cells.Count - 1)
        {
            notebook.Cells.RemoveAt(index);
            notebook.Cells.Add(cell);
            changes.Add($"cell {cell.Id}: the '{ExtendHeading}' section is not the last cell (moved to the end)");
        }
    }

    private static void Normalize(Notebook notebook, string path, List<string> changes)
    {
        var kernelspec = Notebook.DescentKernelspec();
        if (notebook.Metadata["kernelspec"]?.ToJsonString() != kernelspec.ToJsonString())
        {
            notebook.Metadata["kernelspec"] = kernelspec;
            changes.Add("metadata.kernelspec is not the Descent kernel's");
        }

        var language = Notebook.Create().Metadata["language_info"]!;
        if (notebook.Metadata["language_info"]?.ToJsonString() != language.ToJsonString())
        {
            notebook.Metadata["language_info"] = language.DeepClone();
            changes.Add("metadata.language_info is not C#'s");
        }

        SplitAtHeadings(notebook, changes);
        var csx = LoadPath(path);
        var prefix = IdPrefix(path);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            var label = string.IsNullOrEmpty(cell.Id) ? $"cell {i + 1}" : $"cell {cell.Id}";
            var source = Trim(cell.Source);
            if (cell.IsCode)
            {
                source = FixLoadLines(source, csx);
            }

            if (source != cell.Source)
            {
                changes.Add($"{label}: {(source.Trim('\n') == cell.Source.Trim('\n') ? "blank lines at its start or end" : $"#load path is not \"{csx}\"")}");
                cell.Source = source;
            }

            var id = $"{prefix}-{i:00}";
            if (cell.Id != id)
            {
                changes.Add($"{label}: id should be '{id}'");
                cell.Id = id;
            }

            var slide = SlideType(cell);
            var show = cell.Metadata["slideshow"] as JsonObject;
            var current = show?["slide_type"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            if (current != slide)
            {
                changes.Add($"{label}: slide_type should be '{slide}' (was {(current is null ? "missing" : $"'{current}'")})");
                if (show is null)
                {
                    show = [];
                    cell.Metadata["slideshow"] = show;
                }

                show["slide_type"] = slide;
            }
        }
    }

    private static string SlideType(NotebookCell cell)
    {
        if (cell.CellType == "markdown")
        {
            var head = cell.Source.TrimStart();
            if (head.StartsWith("# ", StringComparison.Ordinal) || head.StartsWith("## ", StringComparison.Ordinal))
            {
                return "slide";
            }

            if (head.StartsWith("### ", StringComparison.Ordinal))
            {
                return "subslide";
            }
        }

        var current = cell.Metadata["slideshow"]?["slide_type"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        return current is "notes" or "skip" or "fragment" ? current : "-";
    }

    private static void SplitAtHeadings(Notebook notebook, List<string> changes)
    {
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.CellType != "markdown")
            {
                continue;
            }

            var pieces = new List<string>();
            var piece = new List<string>();
            var fenced = false;
            foreach (var line in cell.Source.Trim('\n').Split('\n'))
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    fenced = !fenced;
                }

                if (!fenced && string.Concat(piece).Trim().Length > 0 && IsHeading(line))
                {
                    pieces.Add(string.Join("\n", piece).Trim('\n'));
                    piece.Clear();
                }

                piece.Add(line);
            }

            pieces.Add(string.Join("\n", piece).Trim('\n'));
            if (pieces.Count == 1)
            {
                continue;
            }

            changes.Add($"cell {cell.Id}: a heading inside the cell (split into {pieces.Count} cells, one per section)");
            cell.Source = pieces[0];
            for (var p = 1; p < pieces.Count; p++)
            {
                notebook.Cells.Insert(i + p, new NotebookCell("markdown", pieces[p], ""));
            }

            i += pieces.Count - 1;
        }
    }

    private static bool IsHeading(string line) =>
        line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal);

    private static string IdPrefix(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return RoleOf(path) switch
        {
            NotebookRole.Chapter => $"ch{name[..2]}",
            NotebookRole.Solutions => $"ch{name[..2]}-sol",
            _ => new string(name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-').Take(40).ToArray()) is { Length: > 0 } p ? p : "cell",
        };
    }

    /// <summary>The path from the notebook's folder to <c>notebooks/descent.csx</c> (the nearest <c>notebooks</c> folder at
    /// or above it; the notebook's own folder when there is none).</summary>
    private static string LoadPath(string path)
    {
        var here = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var dir = new DirectoryInfo(here);
        while (dir is not null && dir.Name != "notebooks")
        {
            dir = dir.Parent;
        }

        var notebooks = dir?.FullName ?? here;
        return Path.GetRelativePath(here, Path.Combine(notebooks, "descent.csx")).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string FixLoadLines(string source, string csx) =>
        LoadLine().Replace(source, $"#load \"{csx}\"");

    /// <summary>A chapter cell as it stands in the solutions notebook: relative markdown links gain one <c>../</c>; code
    /// loads <c>../descent.csx</c>.</summary>
    private static string Rebase(NotebookCell cell, string csx) => cell.CellType switch
    {
        "markdown" => RelativeLink().Replace(Trim(cell.Source), m => $"]({"../" + m.Groups[1].Value})"),
        "code" => FixLoadLines(Trim(cell.Source), csx),
        _ => Trim(cell.Source),
    };

    private static string Trim(string source) => source.Trim('\n');

    private static Notebook Copy(Notebook notebook) => Notebook.Parse(notebook.ToJson());

    private static NotebookCell Copy(NotebookCell cell)
    {
        var copy = new NotebookCell(cell.CellType, cell.Source, cell.Id) { Metadata = (JsonObject)cell.Metadata.DeepClone(), ExecutionCount = cell.ExecutionCount };
        copy.Outputs.AddRange(cell.Outputs.Select(o => (JsonObject)o.DeepClone()));
        foreach (var (key, value) in cell.Extra)
        {
            copy.Extra[key] = value?.DeepClone();
        }

        return copy;
    }

    [GeneratedRegex(@"^\d\d-[^/\\]*\.ipynb$")]
    private static partial Regex ChapterFileName();

    [GeneratedRegex("""^#load "(?:\.\./)*descent\.csx"[ \t]*$""", RegexOptions.Multiline)]
    private static partial Regex LoadLine();

    [GeneratedRegex("""Check\.Exercise\("(\d\d\.\d+)"\s*,""")]
    private static partial Regex ExerciseCall();

    [GeneratedRegex("""^Check\.Exercise\("(\d\d\.\d+)"\s*,.*double\.NaN.*\)\s*;?$""", RegexOptions.Singleline)]
    private static partial Regex UnansweredExercise();

    [GeneratedRegex(@"Change the library: implement (.+?) in `extend/Chapter\d\d\.cs`", RegexOptions.Singleline)]
    private static partial Regex ExtendTask();

    /// <summary>A markdown link target that is a relative path (no scheme, not an anchor, not rooted).</summary>
    [GeneratedRegex(@"\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^)\s]+)\)")]
    private static partial Regex RelativeLink();
}
