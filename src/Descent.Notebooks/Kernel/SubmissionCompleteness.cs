using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Descent.Notebooks.Kernel;

/// <summary>
/// Answers <c>is_complete_request</c> with Roslyn's script parser: <c>incomplete</c> when
/// <see cref="SyntaxFactory.IsCompleteSubmission"/> says more input could complete the code (an open brace,
/// a dangling statement), <c>invalid</c> when it is complete but has syntax errors, otherwise <c>complete</c>.
/// </summary>
public static class SubmissionCompleteness
{
    private static readonly CSharpParseOptions ScriptOptions =
        new(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>"complete", "incomplete" or "invalid" for <paramref name="code"/>; magic lines (<c>#!</c>) are ignored.</summary>
    public static string Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var lines = code.Split('\n').Select(l => l.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? string.Empty : l);
        var source = string.Join('\n', lines);
        if (source.Trim().Length == 0)
        {
            return "complete";
        }

        var tree = CSharpSyntaxTree.ParseText(source, ScriptOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return "incomplete";
        }

        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }
}
