namespace VarBot.Answering.Analysis;

/// <summary>
/// A simplified Dutch stemmer after the Snowball Dutch algorithm (M. Porter, snowballstem.org/algorithms/dutch),
/// itself based on Kraaij and Pohlmann (1994). Steps kept: R1/R2 regions, step 1 (-heden, -en/-ene, -s/-se),
/// step 2 (-e), step 3a (-heid), step 3b (-end/-ing, -ig, -lijk, -baar, -bar) and step 4 (undoubling of a long
/// vowel before a final consonant), plus the Kraaij-Pohlmann z->s, v->f ending rule. Input must already be normalised (lower case, no diacritics).
/// </summary>
internal static class DutchStemmer
{
    public static string Stem(string word)
    {
        if (word.Length < 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        var w = word.ToCharArray().ToList();
        var r1 = RegionStart(w, 0);
        r1 = Math.Max(r1, 3);
        var r2 = RegionStart(w, r1);
        var eRemoved = false;

        // Step 1
        if (EndsWith(w, "heden") && w.Count - 5 >= r1)
        {
            Replace(w, 5, "heid");
        }
        else if (EndsWith(w, "ene") && w.Count - 3 >= r1 && ValidEnEnding(w, w.Count - 3))
        {
            w.RemoveRange(w.Count - 3, 3);
            Undouble(w);
        }
        else if (EndsWith(w, "en") && w.Count - 2 >= r1 && ValidEnEnding(w, w.Count - 2))
        {
            w.RemoveRange(w.Count - 2, 2);
            Undouble(w);
            UndoublePlural(w);
        }
        else if (EndsWith(w, "ies") && w.Count - 3 >= r1)
        {
            // Kraaij-Pohlmann: plural of a word in -ie ("interventies" ~ "interventie").
            w.RemoveAt(w.Count - 1);
        }
        else if (EndsWith(w, "se") && w.Count - 2 >= r1 && ValidSEnding(w, w.Count - 2))
        {
            w.RemoveRange(w.Count - 2, 2);
        }
        else if (EndsWith(w, "s") && w.Count - 1 >= r1 && ValidSEnding(w, w.Count - 1))
        {
            w.RemoveAt(w.Count - 1);
        }

        // Step 2
        if (EndsWith(w, "e") && w.Count - 1 >= r1 && w.Count >= 2 && !IsVowel(w[^2]))
        {
            w.RemoveAt(w.Count - 1);
            eRemoved = true;
            Undouble(w);
        }

        // Step 3a
        if (EndsWith(w, "heid") && w.Count - 4 >= r2 && (w.Count < 5 || w[^5] != 'c'))
        {
            w.RemoveRange(w.Count - 4, 4);
            if (EndsWith(w, "en") && w.Count - 2 >= r1 && ValidEnEnding(w, w.Count - 2))
            {
                w.RemoveRange(w.Count - 2, 2);
                Undouble(w);
            }
        }

        // Step 3b
        if ((EndsWith(w, "end") || EndsWith(w, "ing")) && w.Count - 3 >= r2)
        {
            w.RemoveRange(w.Count - 3, 3);
            if (EndsWith(w, "ig") && w.Count - 2 >= r2 && (w.Count < 3 || w[^3] != 'e'))
            {
                w.RemoveRange(w.Count - 2, 2);
            }
            else
            {
                Undouble(w);
            }
        }
        else if (EndsWith(w, "ig") && w.Count - 2 >= r2 && (w.Count < 3 || w[^3] != 'e'))
        {
            w.RemoveRange(w.Count - 2, 2);
        }
        else if (EndsWith(w, "lijk") && w.Count - 4 >= r2)
        {
            w.RemoveRange(w.Count - 4, 4);
        }
        else if (EndsWith(w, "baar") && w.Count - 4 >= r2)
        {
            w.RemoveRange(w.Count - 4, 4);
        }
        else if (EndsWith(w, "bar") && w.Count - 3 >= r2 && eRemoved)
        {
            w.RemoveRange(w.Count - 3, 3);
        }

        // Step 4: undouble vowel, e.g. "maan" -> "man" when the word ends consonant-vowel-vowel-consonant.
        if (w.Count >= 4)
        {
            var c1 = w[^4];
            var v1 = w[^3];
            var v2 = w[^2];
            var c2 = w[^1];
            // Also after i or e in "-iaal", "-ieel", "-eaal" ("sociaal" ~ "sociale", "financieel" ~ "financiele").
            var afterVowel = c1 is 'i' or 'e' && v1 is 'a' or 'e' && c2 is 'l' or 'n' or 'r';
            if ((!IsVowel(c1) || afterVowel) && v1 == v2 && v1 is 'a' or 'e' or 'o' or 'u' && !IsVowel(c2) && c2 != 'i' && c2 != 'j')
            {
                w.RemoveAt(w.Count - 2);
            }
        }

        // Kraaij-Pohlmann style: a final z or v after stemming is the voiced form of s or f ("leerhuizen" ~ "leerhuis").
        if (w.Count > 3 && w[^1] == 'z')
        {
            w[^1] = 's';
        }
        else if (w.Count > 3 && w[^1] == 'v')
        {
            w[^1] = 'f';
        }

        return new string([.. w]);
    }

    private static int RegionStart(List<char> w, int from)
    {
        for (var i = Math.Max(from, 1); i < w.Count; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                return i + 1;
            }
        }

        return w.Count;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool ValidSEnding(List<char> w, int suffixStart) =>
        suffixStart > 0 && !IsVowel(w[suffixStart - 1]) && w[suffixStart - 1] != 'j';

    private static bool ValidEnEnding(List<char> w, int suffixStart)
    {
        if (suffixStart == 0 || IsVowel(w[suffixStart - 1]))
        {
            return false;
        }

        return !(suffixStart >= 3 && w[suffixStart - 3] == 'g' && w[suffixStart - 2] == 'e' && w[suffixStart - 1] == 'm');
    }

    private static void Undouble(List<char> w)
    {
        if (w.Count >= 2 && w[^1] == w[^2] && w[^1] is 'k' or 'd' or 't')
        {
            w.RemoveAt(w.Count - 1);
        }
    }

    /// <summary>
    /// A plural in -en doubles the consonant after a short vowel ("bril", "brillen"; "bus", "bussen"): the stem drops the
    /// second one, so that singular and plural meet. A vowel pair before it ("hoorn") keeps the word as it is.
    /// </summary>
    private static void UndoublePlural(List<char> w)
    {
        if (w.Count >= 4 && w[^1] == w[^2] && w[^1] is 'l' or 'n' or 'm' or 'r' or 'p' or 's' or 'f' or 'g' or 'b' && IsVowel(w[^3]) && !IsVowel(w[^4]))
        {
            w.RemoveAt(w.Count - 1);
        }
    }

    private static bool EndsWith(List<char> w, string suffix)
    {
        if (w.Count < suffix.Length)
        {
            return false;
        }

        for (var i = 0; i < suffix.Length; i++)
        {
            if (w[w.Count - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void Replace(List<char> w, int length, string with)
    {
        w.RemoveRange(w.Count - length, length);
        w.AddRange(with);
    }
}
