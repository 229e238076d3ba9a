using System.Globalization;
using System.Text;

namespace VarBot.Answering.Analysis;

/// <summary>Lower-cases, strips diacritics and splits text into word tokens (letters and digits).</summary>
internal static class TextNormalizer
{
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
    public static List<string> Tokens(string text, bool joinBrokenWords = false)
    {
        var joined = JoinThousands(text);
        var normalized = Normalize(joined);
        var tokens = new List<string>();
        foreach (var part in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            tokens.Add(part);
        }

        if (joinBrokenWords)
        {
            AddHyphenJoins(text, tokens);
        }

        return tokens;
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
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && i > 0 && char.IsDigit(text[i - 1]) && HasThreeDigits(text, i + 1))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
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
