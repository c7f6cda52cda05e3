namespace Descent.Notebooks.Export;

/// <summary>Options of <see cref="SiteBuilder.Write"/>.</summary>
/// <param name="Title">The course title on every page.</param>
/// <param name="KatexDist">A KaTeX <c>dist</c> folder (from the npm package) to copy into <c>assets/katex</c> for offline
/// math; <c>null</c> leaves math as TeX source.</param>
public sealed record SiteOptions(string Title = "Descent — why training neural networks is hard", string? KatexDist = null);
