using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace VarBot.Answering.Analysis;

/// <summary>Lower-cases, strips diacritics and splits text into word tokens (letters and digits).</summary>
internal static class TextNormalizer
{
    private static readonly ConditionalWeakTable<string, string[]> Phrases = [];

    /// <summary>The report text's tokens, by text: answering tokenises report sentences for every question.</summary>
    private static readonly ConcurrentDictionary<string, string[]> Remembered = new(StringComparer.Ordinal);
    private const int MaxRemembered = 200_000;

    /// <summary>
    /// Works out the tokens of report texts once (an engine's passages and their sentences), so that <see cref="Tokens"/>
    /// of the same text at answer time copies them instead of cutting new strings. Bounded: past the cap texts are not added.
    /// </summary>
    public static void Remember(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            if (Remembered.Count >= MaxRemembered)
            {
                return;
            }

            if (text.Length > 0 && !Remembered.ContainsKey(text))
            {
                Remembered.TryAdd(text, [.. Cut(text)]);
            }
        }
    }

    /// <summary>Lower case without diacritics; "&amp;" becomes "en"; every other character that is not a letter or digit becomes a space.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == '\'' || c == '’' || c == '‘')
            {
                // "thema's" -> "themas": the apostrophe joins, it does not split.
                continue;
            }
            else if (c == '&')
            {
                // "jeugd & veiligheid" reads as "jeugd en veiligheid".
                builder.Append(" en ");
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>The words of a text, normalised. Digit groups such as "420.000" stay one token ("420000").</summary>
    /// <remarks>
    /// The same words as splitting <see cref="Normalize"/>'s result at its spaces, cut straight from the decomposed text
    /// (no normalised copy, no split array): this runs for every question and for report sentences at answer time.
    /// </remarks>
    public static List<string> Tokens(string text, bool joinBrokenWords = false)
    {
        var tokens = Remembered.TryGetValue(text, out var known) ? new List<string>(known) : Cut(text);
        if (joinBrokenWords)
        {
            AddHyphenJoins(text, tokens);
        }

        return tokens;
    }

    private static List<string> Cut(string text)
    {
        var decomposed = JoinThousands(text).Normalize(NormalizationForm.FormD);
        var tokens = new List<string>();
        char[]? rented = null;
        var word = decomposed.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(decomposed.Length));
        var length = 0;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '\'' || c == '’' || c == '‘')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word[length++] = char.ToLowerInvariant(c);
                continue;
            }

            if (length > 0)
            {
                tokens.Add(new string(word[..length]));
                length = 0;
            }

            if (c == '&')
            {
                tokens.Add("en");
            }
        }

        if (length > 0)
        {
            tokens.Add(new string(word[..length]));
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return tokens;
    }

    /// <summary>
    /// <see cref="Tokens"/> of a fixed phrase (a vocabulary entry), worked out once per phrase: phrase look-ups run for
    /// every question. Held as long as the phrase string itself lives, so the memory is bounded by the vocabulary. The
    /// array is shared: never modify it.
    /// </summary>
    public static string[] PhraseTokens(string phrase) =>
        Phrases.GetValue(phrase, static p => Tokens(p).ToArray());

    /// <summary>True when <paramref name="phrase"/>'s words stand in <paramref name="tokens"/> from <paramref name="at"/> on.</summary>
    public static bool PhraseAt(IReadOnlyList<string> tokens, int at, string[] phrase)
    {
        if (at < 0 || at + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (tokens[at + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><see cref="PhraseAt(IReadOnlyList{string}, int, string[])"/> over analysed tokens.</summary>
    public static bool PhraseAt(IReadOnlyList<Token> tokens, int at, string[] phrase)
    {
        if (at < 0 || at + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (tokens[at + k].Text != phrase[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A word broken at a line end ("Buurt- preventie", "Buurt-preventie", "jubileum- magazine") also counts as the whole word.
    /// "Zorg- en Veiligheid" is an elided compound, not a break, so "en", "of" and "tot" never join.
    /// </summary>
    private static void AddHyphenJoins(string text, List<string> tokens)
    {
        var start = 0;
        while ((start = text.IndexOf('-', start)) > 0)
        {
            var dash = start;
            start += start + 1 < text.Length && text[start + 1] == ' ' ? 2 : 1;
            if (!char.IsLetter(text[dash - 1]) || start >= text.Length || !char.IsLower(text[start]))
            {
                continue;
            }

            var left = dash;
            while (left > 0 && char.IsLetter(text[left - 1]))
            {
                left--;
            }

            var right = start;
            while (right < text.Length && char.IsLetter(text[right]))
            {
                right++;
            }

            var second = text[start..right];
            if (second is "en" or "of" or "tot" or "noch")
            {
                continue;
            }

            tokens.Add(Normalize(text[left..dash] + second).Trim());
        }
    }

    private static string JoinThousands(string text)
    {
        // 420.000 -> 420000 so that numbers survive as one token.
        var first = ThousandsDot(text, 0);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var start = 0;
        for (var dot = first; dot >= 0; dot = ThousandsDot(text, dot + 1))
        {
            builder.Append(text, start, dot - start);
            start = dot + 1;
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>The first '.' at or after <paramref name="from"/> between a digit and a group of exactly three digits, or -1.</summary>
    private static int ThousandsDot(string text, int from)
    {
        for (var i = text.IndexOf('.', from); i >= 0; i = i + 1 < text.Length ? text.IndexOf('.', i + 1) : -1)
        {
            if (i > 0 && char.IsDigit(text[i - 1]) && HasThreeDigits(text, i + 1))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasThreeDigits(string text, int start)
    {
        if (start + 3 > text.Length)
        {
            return false;
        }

        for (var k = start; k < start + 3; k++)
        {
            if (!char.IsDigit(text[k]))
            {
                return false;
            }
        }

        return start + 3 == text.Length || !char.IsDigit(text[start + 3]);
    }
}
