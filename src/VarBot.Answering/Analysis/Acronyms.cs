using System.Text.RegularExpressions;

namespace VarBot.Answering.Analysis;

/// <summary>
/// Acronyms the reports define themselves ("het Regionaal Controleteam Mensenhandel (RCTM)"): a later sentence that only
/// writes "het RCTM" is about the words of the full name, so each of those words finds it too.
/// </summary>
internal static partial class Acronyms
{
    private const int MinLetters = 2;
    private const int ShortWord = 3;

    [GeneratedRegex(@"((?:[\p{L}][\p{L}\-]*\s+){1,6})\(([A-Z][A-Za-z]{1,7})\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Definition();

    /// <summary>
    /// The acronym (normalised), the normalised words of its full name and the full name as written ("Aanpak ter
    /// voorkoming van escalatie"), for every definition in the texts.
    /// </summary>
    public static IEnumerable<AcronymDefinition> Find(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            if (!text.Contains('(', StringComparison.Ordinal))
            {
                continue;
            }

            MatchCollection matches;
            try
            {
                matches = Definition().Matches(text);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            foreach (Match match in matches)
            {
                var acronym = match.Groups[2].Value;
                if (acronym.Count(char.IsUpper) < MinLetters)
                {
                    continue;
                }

                var words = match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (FullName(words, acronym.ToLowerInvariant()) is { } name)
                {
                    yield return new AcronymDefinition(acronym.ToLowerInvariant(), acronym, name.Words, string.Join(' ', words[^name.Count..]));
                }
            }
        }
    }

    /// <summary>
    /// The longest run of last words (at least two) whose initials are, in order, letters of the acronym starting with its
    /// first letter, and whose letters hold the whole acronym in order ("Regionaal Controleteam Mensenhandel" for RCTM).
    /// </summary>
    private static (List<string> Words, int Count)? FullName(string[] words, string acronym)
    {
        for (var k = Math.Min(words.Length, 2 * acronym.Length); k >= 2; k--)
        {
            var run = words[^k..].Select(w => w.ToLowerInvariant()).ToList();
            // Short lower-case words ("en", "ter", "van") may stand between the words that give the letters.
            var initials = string.Concat(words[^k..].Where(w => char.IsUpper(w[0]) || w.Length > ShortWord).Select(w => char.ToLowerInvariant(w[0])));
            if (run[0][0] != acronym[0] || !Subsequence(initials, acronym) || !Subsequence(acronym, string.Concat(run)))
            {
                continue;
            }

            if (acronym.Length <= 2 * k)
            {
                return (run.SelectMany(w => TextNormalizer.Tokens(w)).ToList(), k);
            }
        }

        return null;
    }

    private static bool Subsequence(string part, string whole)
    {
        var i = 0;
        foreach (var ch in whole)
        {
            if (i < part.Length && ch == part[i])
            {
                i++;
            }
        }

        return i == part.Length;
    }
}

/// <summary>One acronym a report defines: "ESSM" for "Expertisecentrum Seksualiteit Sekswork en Mensenhandel".</summary>
internal sealed record AcronymDefinition(string Acronym, string Written, IReadOnlyList<string> Words, string Name);
