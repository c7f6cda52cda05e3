using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Descent.Notebooks.Export;

/// <summary>
/// A small C# highlighter for the site: comments, strings, keywords, numbers, directives and type-like names get
/// <c>&lt;span class="tok-…"&gt;</c>; everything is HTML-encoded. Enough for notebook cells of one to three lines.
/// </summary>
public static partial class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "init", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "record", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint",
        "ulong", "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void", "volatile", "while", "with", "yield",
        "get", "set", "when", "and", "or", "not", "nameof",
    };

    /// <summary>The code as HTML with highlighting spans (no surrounding <c>&lt;pre&gt;</c>).</summary>
    public static string ToHtml(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var html = new StringBuilder(code.Length * 2);
        foreach (Match m in Token().Matches(code))
        {
            var text = WebUtility.HtmlEncode(m.Value);
            var kind = m.Groups["comment"].Success ? "comment"
                : m.Groups["directive"].Success ? "directive"
                : m.Groups["string"].Success ? "string"
                : m.Groups["number"].Success ? "number"
                : m.Groups["word"].Success ? (Keywords.Contains(m.Value) ? "keyword" : char.IsUpper(m.Value[0]) ? "type" : null)
                : null;
            html.Append(kind is null ? text : $"<span class=\"tok-{kind}\">{text}</span>");
        }

        return html.ToString();
    }

    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<directive>^[ \t]*\#[a-z!][^\n]*)
        |(?<string>\$?@?"(?:[^"\\\n]|\\.|"")*"|'(?:[^'\\\n]|\\.)*')
        |(?<number>\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?[dDfFmMlLuU]?\b)
        |(?<word>[A-Za-z_][A-Za-z0-9_]*)
        |(?<other>[\s\S])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline)]
    private static partial Regex Token();
}
