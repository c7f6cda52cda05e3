namespace Descent.Notebooks.Export;

/// <summary>One notebook of the site: where it comes from and where its page goes.</summary>
/// <param name="SourcePath">The <c>.ipynb</c> file.</param>
/// <param name="RelativeOutput">Page path inside the site, e.g. <c>00-tour.html</c> or <c>solutions/00-tour.html</c>.</param>
/// <param name="Title">The page title (the notebook's first heading, or its file name).</param>
/// <param name="IsSolution"><c>true</c> for a worked-solutions notebook.</param>
public sealed record SitePage(string SourcePath, string RelativeOutput, string Title, bool IsSolution)
{
    /// <summary>The chapter's file stem, e.g. <c>00-tour</c>.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(SourcePath);
}
