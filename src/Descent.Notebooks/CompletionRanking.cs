namespace Descent.Notebooks;

/// <summary>
/// Filters and orders completion candidates against the typed prefix as VS Code does: case-sensitive prefix matches
/// first, then case-insensitive prefix matches, then camel-hump matches (<c>WL</c> or <c>wrLi</c> for
/// <c>WriteLine</c>); candidates that match none of these are dropped.
/// </summary>
internal static class CompletionRanking
{
    /// <summary>The candidates that match <paramref name="prefix"/>, best first; all of them (sorted) when it is empty.</summary>
    public static IReadOnlyList<string> Rank(IEnumerable<string> candidates, string prefix)
    {
        var ranked = new List<(int Tier, string Text)>();
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (Tier(candidate, prefix) is { } tier)
            {
                ranked.Add((tier, candidate));
            }
        }

        return ranked
            .OrderBy(r => r.Tier)
            .ThenBy(r => r.Text, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Text, StringComparer.Ordinal)
            .Select(r => r.Text)
            .ToArray();
    }

    /// <summary>0 for a case-sensitive prefix match, 1 for a case-insensitive one, 2 for a camel-hump match, null for none.</summary>
    public static int? Tier(string candidate, string prefix)
    {
        if (candidate.StartsWith(prefix, StringComparison.Ordinal))
        {
            return 0;
        }

        if (candidate.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return IsCamelHumpMatch(candidate, prefix) ? 2 : null;
    }

    /// <summary>
    /// Whether <paramref name="pattern"/> splits into pieces, each a case-insensitive prefix of a hump of
    /// <paramref name="candidate"/>, in order, the first piece on the first hump (later humps may be skipped).
    /// </summary>
    public static bool IsCamelHumpMatch(string candidate, string pattern)
    {
        if (pattern.Length == 0)
        {
            return true;
        }

        var humps = HumpStarts(candidate);
        return Match(0, 0);

        bool Match(int p, int h)
        {
            if (p == pattern.Length)
            {
                return true;
            }

            if (h >= humps.Count)
            {
                return false;
            }

            var humpEnd = h + 1 < humps.Count ? humps[h + 1] : candidate.Length;
            var length = humpEnd - humps[h];
            for (var k = Math.Min(length, pattern.Length - p); k >= 1; k--)
            {
                if (string.Compare(candidate, humps[h], pattern, p, k, StringComparison.OrdinalIgnoreCase) == 0 && Match(p + k, h + 1))
                {
                    return true;
                }
            }

            // A later hump may be skipped ("WL" matches WriteAllLines), the first may not.
            return p > 0 && Match(p, h + 1);
        }
    }

    /// <summary>Where the humps of an identifier start: its first character, an upper-case letter after a lower-case
    /// letter or digit, the last capital of an acronym before a lower-case letter (XMLDoc: X, Doc), and the character
    /// after an underscore.</summary>
    internal static List<int> HumpStarts(string identifier)
    {
        var starts = new List<int>();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (c == '_')
            {
                continue;
            }

            var previous = i > 0 ? identifier[i - 1] : '\0';
            var next = i + 1 < identifier.Length ? identifier[i + 1] : '\0';
            if (i == 0 || previous == '_'
                || (char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous)))
                || (char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next))
                || (char.IsDigit(c) && !char.IsDigit(previous)))
            {
                starts.Add(i);
            }
        }

        return starts;
    }
}
