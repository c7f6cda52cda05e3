using System.Text.RegularExpressions;

namespace Descent.Notebooks;

/// <summary>Offsets ↔ (line, character) in a cell's code, and small text helpers.</summary>
internal static partial class SourceText
{
    public static (int Line, int Character) ToLinePosition(string code, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < code.Length; i++)
        {
            if (code[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    public static int ToOffset(string code, int line, int character)
    {
        var offset = 0;
        for (var l = 0; l < line && offset < code.Length; l++)
        {
            var next = code.IndexOf('\n', offset);
            if (next < 0)
            {
                return code.Length;
            }

            offset = next + 1;
        }

        return Math.Min(code.Length, offset + character);
    }

    public static int WordStart(string code, int offset)
    {
        var start = offset;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        return start;
    }

    public static string MarkdownToPlain(string markdown) =>
        FenceOrEmphasis().Replace(markdown, "").Trim();

    [GeneratedRegex(@"```\w*|\*\*|`")]
    private static partial Regex FenceOrEmphasis();
}
