namespace Descent.Notebooks.Export;

/// <summary>Options of <see cref="SiteBuilder.Write"/>.</summary>
/// <param name="Title">The course title on every page (the course map's title wins when one is given).</param>
/// <param name="KatexDist">A KaTeX <c>dist</c> folder (from the npm package) to copy into <c>assets/katex</c> for offline
/// math; <c>null</c> leaves math as TeX source.</param>
/// <param name="Course">The chapter map: challenges, seed sections and prerequisites on the index, previous/next links
/// on every chapter; <c>null</c> lists the notebooks only.</param>
/// <param name="DocsDir">The folder of the course map's Markdown pages (glossary, references, …).</param>
/// <param name="RevealDist">A reveal.js <c>dist</c> folder: when given, a slide deck per chapter is written into
/// <c>slides/</c> (lecturer mode) and linked from the index and the chapter pages.</param>
public sealed record SiteOptions(
    string Title = "Descent — why training neural networks is hard",
    string? KatexDist = null,
    CourseMap? Course = null,
    string? DocsDir = null,
    string? RevealDist = null);
