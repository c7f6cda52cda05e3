using System.Text.RegularExpressions;

namespace Descent.Notebooks.Kernel;

/// <summary>IPython's help syntax: a cell holding only <c>Math.Max?</c> or <c>?Math.Max</c> pages that name's documentation.</summary>
internal static partial class Pager
{
    /// <summary>The name to document, or null when the cell is ordinary code.</summary>
    public static string? Target(string code)
    {
        var match = HelpRequest().Match(code);
        return match.Success ? match.Groups["name"].Value : null;
    }

    // A dotted name (generic arguments allowed) with one '?' before or after it; neither form is valid C#.
    [GeneratedRegex(@"^\s*(?:\?\s*(?<name>[A-Za-z_@][\w.<>, ]*?)|(?<name>[A-Za-z_@][\w.<>, ]*?)\s*\?)\s*$")]
    private static partial Regex HelpRequest();
}
