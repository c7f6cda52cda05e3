namespace Descent.Notebooks.Kernel;

/// <summary>
/// Converts between Jupyter cursor positions (protocol ≥ 5.2: Unicode code points) and .NET string indices
/// (UTF-16 code units); they differ after any character outside the Basic Multilingual Plane.
/// </summary>
internal static class CodePoints
{
    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/>, clamped to [0, text.Length].</summary>
    public static int ToUtf16Index(string text, int codePoint)
    {
        var index = 0;
        for (var cp = 0; cp < codePoint && index < text.Length; cp++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }

    /// <summary>The number of code points in text[0..utf16Index].</summary>
    public static int ToCodePoint(string text, int utf16Index)
    {
        utf16Index = Math.Clamp(utf16Index, 0, text.Length);
        var count = 0;
        for (var i = 0; i < utf16Index; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }

        return count;
    }
}
