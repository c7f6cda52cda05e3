using System.Text.Json.Nodes;
using Descent.Notebooks.Ipynb;

namespace Descent.Notebooks.Tests;

/// <summary>The chapters are the source (no generator): <c>descent fmt</c> keeps them normalized and each solutions
/// notebook equal to its chapter outside the worked solutions. These tests fail when a committed chapter is not
/// normalized or a solutions notebook drifted, and pin down what fmt changes and what it keeps.</summary>
public sealed class ChapterFormatTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-fmt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Root => RepositoryRoot.FullName;

    public static TheoryData<string> Chapters()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryRoot.Chapters())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Committed_chapter_is_normalized(string name)
    {
        var path = Path.Combine(Root, "notebooks", name);
        var text = File.ReadAllText(path);

        var (formatted, changes) = ChapterFormat.Format(Notebook.Parse(text), path);

        Assert.True(changes.Count == 0, $"notebooks/{name} is not normalized (run `descent fmt`):\n" + string.Join("\n", changes));
        Assert.Equal(text, formatted.ToJson());
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Committed_solutions_notebook_has_not_drifted_from_its_chapter(string name)
    {
        var chapterPath = Path.Combine(Root, "notebooks", name);
        var solutionsPath = ChapterFormat.SolutionsOf(chapterPath);
        Assert.True(File.Exists(solutionsPath), $"notebooks/{name} has no solutions notebook");
        var text = File.ReadAllText(solutionsPath);

        var chapter = ChapterFormat.Format(Notebook.Load(chapterPath), chapterPath).Notebook;
        var (derived, changes) = ChapterFormat.DeriveSolutions(chapter, Notebook.Parse(text), solutionsPath);

        Assert.True(changes.Count == 0, $"notebooks/solutions/{name} drifted from its chapter (run `descent fmt`):\n" + string.Join("\n", changes));
        Assert.Equal(text, derived.ToJson());
        // Every exercise the chapter asks is answered, and the answers are the only cells that differ.
        var asked = chapter.CodeCells.Count(c => c.Source.StartsWith("Check.Exercise(", StringComparison.Ordinal) && c.Source.Contains("double.NaN", StringComparison.Ordinal));
        Assert.True(asked > 0);
        Assert.Equal(chapter.Cells.Count - asked, derived.Cells.Count(c => !ChapterFormat.IsSolution(c)));
        Assert.DoesNotContain(derived.Cells, c => c.IsCode && !ChapterFormat.IsSolution(c) && c.Source.Contains("double.NaN", StringComparison.Ordinal) && c.Source.StartsWith("Check.Exercise(", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chapter_that_is_not_normalized_is_named_cell_by_cell()
    {
        var (chapterPath, _) = CopyChapter("04-cliffs.ipynb");
        var notebook = Notebook.Load(chapterPath);
        notebook.Cells[3].Id = "lecturer-made-this";
        notebook.Cells[3].Metadata.Remove("slideshow"); // a '## 1.' heading: must open a slide
        notebook.Cells[1].Source = notebook.Cells[1].Source + "\n\n## A new section\n\nText.";
        notebook.Metadata["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" };
        notebook.Cells.RemoveAt(notebook.Cells.Count - 1); // the Extend this section
        notebook.Save(chapterPath);

        var (formatted, changes) = ChapterFormat.Format(Notebook.Load(chapterPath), chapterPath);

        Assert.Contains(changes, c => c.Contains("kernelspec", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("lecturer-made-this", StringComparison.Ordinal) && c.Contains("id should be", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("slide_type should be 'slide'", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("split into 2 cells", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("Extend this", StringComparison.Ordinal) && c.Contains("missing", StringComparison.Ordinal));
        Assert.Equal("## A new section\n\nText.", formatted.Cells[2].Source);
        Assert.Equal("slide", (string?)formatted.Cells[2].Metadata["slideshow"]?["slide_type"]);
        Assert.Equal("ch04-02", formatted.Cells[2].Id);
        Assert.Equal(ChapterFormat.ExtendSection("04", ChapterFormat.ExtendTasks["04"]), formatted.Cells[^1].Source);
        Assert.Equal("descent-csharp", (string?)formatted.Metadata["kernelspec"]?["name"]);
    }

    [Fact]
    public void Fmt_check_exits_non_zero_and_names_file_and_cell_then_fmt_fixes_it()
    {
        var (chapterPath, solutionsPath) = CopyChapter("05-long-term-dependencies.ipynb");
        var notebook = Notebook.Load(chapterPath);
        notebook.Cells[0].Id = "renamed-by-hand";
        notebook.Save(chapterPath);

        var (code, _, err) = RunCli("fmt", "--check", chapterPath, solutionsPath);

        Assert.Equal(1, code);
        Assert.Contains("05-long-term-dependencies.ipynb: cell renamed-by-hand: id should be 'ch05-00'", err);
        Assert.Contains("1 of 2 notebooks are not normalized", err);

        var (fixCode, _, fixErr) = RunCli("fmt", chapterPath, solutionsPath);
        var (again, _, againErr) = RunCli("fmt", "--check", chapterPath, solutionsPath);

        Assert.True(fixCode == 0, fixErr);
        Assert.True(again == 0, againErr);
    }

    [Fact]
    public void An_edited_chapter_cell_shows_as_drift_in_its_solutions_and_fmt_copies_it_keeping_the_answers()
    {
        var (chapterPath, solutionsPath) = CopyChapter("04-cliffs.ipynb");
        var chapter = Notebook.Load(chapterPath);
        var edited = chapter.Cells.First(c => c.CellType == "markdown" && c.Source.StartsWith("A slope of about", StringComparison.Ordinal));
        edited.Source += " (edited by a lecturer)";
        chapter.Save(chapterPath);
        var answersBefore = Notebook.Load(solutionsPath).Cells.Where(ChapterFormat.IsSolution).Select(c => c.Source).ToList();

        var (check, _, err) = RunCli("fmt", "--check", chapterPath, solutionsPath);

        Assert.Equal(1, check);
        Assert.Contains($"chapter cell {edited.Id}: missing or drifted in the solutions notebook", err);

        var (fix, _, fixErr) = RunCli("fmt", chapterPath, solutionsPath);

        Assert.True(fix == 0, fixErr);
        var solutions = Notebook.Load(solutionsPath);
        Assert.Contains(solutions.Cells, c => c.Source.EndsWith("(edited by a lecturer)", StringComparison.Ordinal));
        Assert.Equal(answersBefore, solutions.Cells.Where(ChapterFormat.IsSolution).Select(c => c.Source).ToList());
    }

    [Fact]
    public void A_solutions_cell_edited_outside_the_answers_is_drift()
    {
        var (chapterPath, solutionsPath) = CopyChapter("04-cliffs.ipynb");
        var solutions = Notebook.Load(solutionsPath);
        var cell = solutions.Cells.First(c => !ChapterFormat.IsSolution(c) && c.IsCode && c.Source.StartsWith("var jump", StringComparison.Ordinal));
        cell.Source = "var jump = new CliffJump().Run(); // changed only here";
        solutions.Save(solutionsPath);
        var chapter = ChapterFormat.Format(Notebook.Load(chapterPath), chapterPath).Notebook;

        var (_, changes) = ChapterFormat.DeriveSolutions(chapter, Notebook.Load(solutionsPath), solutionsPath);

        Assert.Contains(changes, c => c.Contains($"cell {cell.Id}: not in the chapter", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("missing or drifted", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exercise_without_a_worked_solution_is_named()
    {
        var (chapterPath, solutionsPath) = CopyChapter("04-cliffs.ipynb");
        var solutions = Notebook.Load(solutionsPath);
        solutions.Cells.RemoveAll(c => ChapterFormat.IsSolution(c) && c.Source.Contains("04.2", StringComparison.Ordinal));
        solutions.Save(solutionsPath);
        var chapter = ChapterFormat.Format(Notebook.Load(chapterPath), chapterPath).Notebook;

        var (derived, changes) = ChapterFormat.DeriveSolutions(chapter, Notebook.Load(solutionsPath), solutionsPath);

        Assert.Contains(changes, c => c.StartsWith("exercise 04.2 ", StringComparison.Ordinal) && c.Contains("no worked solution", StringComparison.Ordinal));
        Assert.Contains(derived.Cells, c => c.Source == "Check.Exercise(\"04.2\", double.NaN)");
    }

    [Fact]
    public void A_chapter_without_solutions_notebook_fails_the_check_and_fmt_creates_it_with_the_exercises_to_answer()
    {
        var (chapterPath, solutionsPath) = CopyChapter("01-ill-conditioning.ipynb");
        File.Delete(solutionsPath);

        var (check, _, err) = RunCli("fmt", "--check", chapterPath);

        Assert.Equal(1, check);
        Assert.Contains("solutions/01-ill-conditioning.ipynb: missing", err);
        Assert.False(File.Exists(solutionsPath));

        var (fix, output, fixErr) = RunCli("fmt", chapterPath);

        Assert.True(fix == 0, fixErr);
        Assert.Contains("exercise 01.1 (chapter cell", output);
        var created = Notebook.Load(solutionsPath);
        Assert.Equal(Notebook.Load(chapterPath).Cells.Count, created.Cells.Count);
        Assert.Equal("ch01-sol-00", created.Cells[0].Id);
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Fmt_is_idempotent_on_every_chapter_and_its_solutions(string name)
    {
        var chapterPath = Path.Combine(Root, "notebooks", name);
        var solutionsPath = ChapterFormat.SolutionsOf(chapterPath);

        var once = ChapterFormat.Format(Notebook.Load(chapterPath), chapterPath).Notebook;
        var twice = ChapterFormat.Format(Notebook.Parse(once.ToJson()), chapterPath);
        var solutions = ChapterFormat.DeriveSolutions(once, Notebook.Load(solutionsPath), solutionsPath).Notebook;
        var solutionsTwice = ChapterFormat.DeriveSolutions(twice.Notebook, Notebook.Parse(solutions.ToJson()), solutionsPath);

        Assert.Empty(twice.Changes);
        Assert.Equal(once.ToJson(), twice.Notebook.ToJson());
        Assert.Empty(solutionsTwice.Changes);
        Assert.Equal(solutions.ToJson(), solutionsTwice.Notebook.ToJson());
    }

    [Fact]
    public void Fmt_is_idempotent_on_a_messy_notebook_and_keeps_outputs_and_unknown_metadata()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "notebooks")).FullName;
        var path = Path.Combine(dir, "09-new.ipynb");
        var notebook = new Notebook { Metadata = new JsonObject { ["authors"] = new JsonArray("A. Lecturer"), ["kernelspec"] = new JsonObject { ["name"] = "python3" } } };
        notebook.Extra["custom_top_level"] = "kept";
        notebook.Cells.Add(new NotebookCell("markdown", "\n\n# 09 — New\n\nIntro.\n### Part\n\n```\n# not a heading\n```\n", "x1") { Metadata = new JsonObject { ["jupyter"] = new JsonObject { ["source_hidden"] = true } } });
        var code = new NotebookCell("code", "#load \"../../descent.csx\"\nvar x = 1;\n", "x2") { ExecutionCount = 7, Metadata = new JsonObject { ["tags"] = new JsonArray("keep-me"), ["slideshow"] = new JsonObject { ["slide_type"] = "notes" } } };
        code.Outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = 7, ["data"] = new JsonObject { ["text/plain"] = "1" }, ["metadata"] = new JsonObject() });
        notebook.Cells.Add(code);
        notebook.Save(path);

        var (once, changes) = ChapterFormat.Format(Notebook.Load(path), path);
        var (twice, changesTwice) = ChapterFormat.Format(Notebook.Parse(once.ToJson()), path);

        Assert.NotEmpty(changes);
        Assert.Empty(changesTwice);
        Assert.Equal(once.ToJson(), twice.ToJson());
        Assert.Equal(["ch09-00", "ch09-01", "ch09-02"], once.Cells.Select(c => c.Id)); // chapter 09 has no Extend task yet: none is added
        Assert.Equal("# 09 — New\n\nIntro.", once.Cells[0].Source);
        Assert.Equal("### Part\n\n```\n# not a heading\n```", once.Cells[1].Source); // no cut inside a code fence
        Assert.Equal(["slide", "subslide", "notes"], once.Cells.Select(c => (string?)c.Metadata["slideshow"]?["slide_type"]));
        Assert.True((bool?)once.Cells[0].Metadata["jupyter"]?["source_hidden"]);
        Assert.Equal("#load \"descent.csx\"\nvar x = 1;", once.Cells[2].Source);
        Assert.Equal(7, once.Cells[2].ExecutionCount);
        Assert.Equal("1", (string?)once.Cells[2].Outputs.Single()["data"]?["text/plain"]);
        Assert.Equal("keep-me", (string?)once.Cells[2].Metadata["tags"]?[0]);
        Assert.Equal("A. Lecturer", (string?)once.Metadata["authors"]?[0]);
        Assert.Equal("kept", (string?)once.Extra["custom_top_level"]);
        Assert.Equal("descent-csharp", (string?)once.Metadata["kernelspec"]?["name"]);
    }

    [Fact]
    public void Fmt_keeps_the_stored_outputs_of_every_committed_chapter()
    {
        foreach (var path in RepositoryRoot.Chapters())
        {
            var before = Notebook.Load(path);
            var after = ChapterFormat.Format(before, path).Notebook;

            Assert.Equal(
                before.CodeCells.Select(c => string.Concat(c.Outputs.Select(o => o.ToJsonString())) + c.ExecutionCount),
                after.CodeCells.Select(c => string.Concat(c.Outputs.Select(o => o.ToJsonString())) + c.ExecutionCount));
        }
    }

    private (string Chapter, string Solutions) CopyChapter(string name)
    {
        var notebooks = Directory.CreateDirectory(Path.Combine(_dir, "notebooks")).FullName;
        Directory.CreateDirectory(Path.Combine(notebooks, "solutions"));
        var chapter = Path.Combine(notebooks, name);
        var solutions = Path.Combine(notebooks, "solutions", name);
        File.Copy(Path.Combine(Root, "notebooks", name), chapter);
        File.Copy(Path.Combine(Root, "notebooks", "solutions", name), solutions);
        return (chapter, solutions);
    }

    private static (int Code, string Out, string Err) RunCli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Descent.Cli.Cli.RunAsync(args, output, error).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }
}
