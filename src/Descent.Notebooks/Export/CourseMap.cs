using System.Text.Json;
using System.Text.Json.Serialization;

namespace Descent.Notebooks.Export;

/// <summary>
/// The course's chapter map (<c>docs/course.json</c>): which challenge each chapter covers, which lecture sections it
/// draws on, which chapters it builds on, and the extra pages (glossary, references, lecture coverage) of the site.
/// </summary>
/// <param name="Title">The course title on every page.</param>
/// <param name="Chapters">One entry per chapter, in course order.</param>
/// <param name="Pages">Markdown pages in <c>docs/</c> rendered into the site.</param>
public sealed record CourseMap(string Title, IReadOnlyList<CourseChapter> Chapters, IReadOnlyList<CoursePage> Pages)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a course map; a missing or malformed file gives one message naming the file.</summary>
    public static CourseMap Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var map = JsonSerializer.Deserialize<CourseMap>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty course map");
            if (map.Chapters is null || map.Chapters.Any(c => string.IsNullOrWhiteSpace(c.Number)))
            {
                throw new InvalidDataException($"{path}: every chapter needs a \"number\"");
            }

            return map with { Pages = map.Pages ?? [] };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid course map ({e.Message})", e);
        }
    }

    /// <summary>The entry for chapter <paramref name="number"/> (e.g. "03"), or <c>null</c>.</summary>
    public CourseChapter? Chapter(string number) => Chapters.FirstOrDefault(c => c.Number == number);
}

/// <summary>One chapter of the course map.</summary>
/// <param name="Number">Two digits, the notebook's file prefix (<c>03-…ipynb</c>).</param>
/// <param name="Challenge">The optimization challenge it covers.</param>
/// <param name="Seeds">The lecture sections it demonstrates (author and section).</param>
/// <param name="Prerequisites">Numbers of the chapters to read first.</param>
public sealed record CourseChapter(string Number, string Challenge, string Seeds, IReadOnlyList<string> Prerequisites)
{
    /// <summary>The prerequisites, never null.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> BuildsOn => Prerequisites ?? [];
}

/// <summary>A Markdown page of the site.</summary>
/// <param name="File">File name in <c>docs/</c>, e.g. <c>glossary.md</c>; the page is <c>glossary.html</c>.</param>
/// <param name="Title">Its title in the site's navigation.</param>
public sealed record CoursePage(string File, string Title)
{
    /// <summary>The page's file in the site.</summary>
    [JsonIgnore]
    public string Output => Path.ChangeExtension(File, ".html");
}
