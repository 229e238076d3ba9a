using System.Text.RegularExpressions;

namespace VarBot.Answering.Indexes;

/// <summary>Splits report text into clean sentences: link marks and OCR debris removed, long sentences shortened at a clause.</summary>
internal static partial class Sentences
{
    public const int MaxWords = 40;
    private const int MaxRemembered = 50_000;

    /// <summary>The sentences of report texts split once at engine build (<see cref="Remember"/>), by text.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Remembered = new(StringComparer.Ordinal);

    /// <summary>The passage text as a reader should see it: no link arrows, no markdown emphasis, single spaces.</summary>
    public static string Clean(string text)
    {
        text = LinkMarks().Replace(text, " ");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal);
        text = Debris().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim();
        return text.TrimStart('-', '•', '*', ' ', '\u25aa', '\u2022');
    }

    /// <summary>The text's sentences, cleaned; an abbreviation's full stop ends none. Never modify the list.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        Remembered.TryGetValue(text, out var known) ? known : Cut(text);

    /// <summary>
    /// Splits report texts (an engine's passages) once, and remembers the sentences' tokens, so that answering reuses them.
    /// Bounded: past the cap texts are not added.
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
                var sentences = Cut(text).ToArray();
                Remembered.TryAdd(text, sentences);
                Analysis.TextNormalizer.Remember(sentences.Prepend(text));
            }
        }
    }

    private static List<string> Cut(string text)
    {
        var clean = Clean(text);
        var parts = SentenceEnd().Split(clean).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        // "sprekers vanuit o.a. AIVD": an abbreviation's full stop does not end the sentence.
        var abbreviations = Vocabulary.Words.Load().Language.Abbreviations;
        for (var i = parts.Count - 2; i >= 0; i--)
        {
            var last = parts[i].Split(' ')[^1].TrimStart('(', '[', '"', '\'').ToLowerInvariant();
            if (abbreviations.Contains(last))
            {
                parts[i] = parts[i] + " " + parts[i + 1];
                parts.RemoveAt(i + 1);
            }
        }

        return parts;
    }

    /// <summary>The sentences of <paramref name="text"/> that <paramref name="said"/> does not hold already, joined again.</summary>
    public static string Unsaid(string text, string said) =>
        string.Join(" ", SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0 && !said.Contains(s, StringComparison.Ordinal)));

    /// <summary>
    /// Two sentences that say the same in nearly the same words ("... in september een Leerhuis ..." in one report and
    /// "... in september 2024 een Leerhuis ..." in the next): at least nine in ten of the shorter one's words are in the other.
    /// </summary>
    public static bool SaysTheSame(string a, string b)
    {
        var x = Analysis.TextNormalizer.Tokens(a).ToHashSet(StringComparer.Ordinal);
        var y = Analysis.TextNormalizer.Tokens(b).ToHashSet(StringComparer.Ordinal);
        var shorter = x.Count <= y.Count ? x : y;
        var longer = ReferenceEquals(shorter, x) ? y : x;
        return shorter.Count > 0 && shorter.Count(longer.Contains) >= 0.9 * shorter.Count;
    }

    public static int WordCount(string text) => Spaces().Split(text.Trim()).Count(w => w.Length > 0);

    /// <summary>At most <paramref name="maxWords"/> words: cut after a clause (comma, semicolon, colon) or else with "…".</summary>
    public static string Shorten(string sentence, int maxWords = MaxWords)
    {
        var wordsList = Spaces().Split(sentence.Trim()).Where(w => w.Length > 0).ToList();
        if (wordsList.Count <= maxWords)
        {
            return sentence.Trim();
        }

        for (var i = maxWords - 1; i >= maxWords / 2; i--)
        {
            if (wordsList[i].EndsWith(',') || wordsList[i].EndsWith(';') || wordsList[i].EndsWith(':'))
            {
                return string.Join(' ', wordsList.Take(i + 1)).TrimEnd(',', ';', ':') + " …";
            }
        }

        return string.Join(' ', wordsList.Take(maxWords)) + " …";
    }

    /// <summary>True when the text is mostly OCR debris (few real words: fewer than two thirds have two letters or more).</summary>
    /// <remarks>Counted in one pass over the text (words are separated by white space, as <c>\s+</c> splits them).</remarks>
    public static bool IsDebris(string text, int minWords = 2)
    {
        var words = 0;
        var real = 0;
        var letters = -1; // -1: between words
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (letters >= 0)
                {
                    words++;
                    real += letters >= 2 ? 1 : 0;
                    letters = -1;
                }

                continue;
            }

            letters = Math.Max(letters, 0) + (char.IsLetter(c) ? 1 : 0);
        }

        if (letters >= 0)
        {
            words++;
            real += letters >= 2 ? 1 : 0;
        }

        return words < minWords || real * 3 < words * 2 || IsTableRow(text);
    }

    /// <summary>
    /// True for a row of a table run together by the text extraction (names, roles and places side by side: "Theo Segers
    /// Pieter van de Stadt Astrid de Jong Burgemeester Molenlanden ..."): at least eight words, no sentence mark, and at
    /// least four in five words that are not name particles capitalised. Prose always has lower-case words.
    /// </summary>
    public static bool IsTableRow(string text)
    {
        if (text.AsSpan().IndexOfAny(".:;?!") >= 0)
        {
            return false;
        }

        var words = 0;
        var capitalised = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!char.IsLetter(word[0]) || word is "van" or "de" or "der" or "den" or "het" or "en" or "ter" or "te")
            {
                continue;
            }

            words++;
            capitalised += char.IsUpper(word[0]) ? 1 : 0;
        }

        return words >= 8 && capitalised * 5 >= words * 4;
    }

    /// <summary>
    /// A sentence that enumerates numbered items inline ("vier sporen, te weten: 1. Meer inzicht ..., 2. Eigen huis ... en
    /// 4. ..."): its lead-in and the items, so each item can be a bullet instead of the whole list being cut at 40 words.
    /// Null when the sentence holds no run of at least two items numbered 1, 2, ... after a lead-in.
    /// </summary>
    public static (string Lead, IReadOnlyList<string> Items)? NumberedItems(string sentence)
    {
        var marks = ListNumber().Matches(sentence);
        var starts = new List<(int At, int Length)>();
        foreach (Match m in marks)
        {
            if (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == starts.Count + 1)
            {
                starts.Add((m.Index, m.Length));
            }
        }

        if (starts.Count < 2 || starts[0].At == 0)
        {
            return null;
        }

        var lead = sentence[..starts[0].At].Trim().TrimEnd(',', ';').Trim();
        var items = new List<string>();
        for (var i = 0; i < starts.Count; i++)
        {
            var from = starts[i].At + starts[i].Length;
            var to = i + 1 < starts.Count ? starts[i + 1].At : sentence.Length;
            var item = ItemJoiner().Replace(sentence[from..to].Trim(), "").TrimEnd(',', ';', '.').Trim();
            if (item.Length == 0)
            {
                return null;
            }

            items.Add(char.ToUpperInvariant(item[0]) + item[1..]);
        }

        return (lead, items);
    }

    [GeneratedRegex(@"(?<=^|[\s:(])(\d{1,2})[.)]\s+")]
    private static partial Regex ListNumber();

    /// <summary>The joiner before the next item ("..., en", "... en").</summary>
    [GeneratedRegex(@"[\s,;]+(en|of)$")]
    private static partial Regex ItemJoiner();

    [GeneratedRegex(@"\s*(►►|►|▶|>>>|>>|\uf0b7|�)\s*")]
    private static partial Regex LinkMarks();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Debris();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // Not after a list number ("te weten: 1. Meer inzicht", "1. Femicide"): the number starts an item, it ends no sentence.
    [GeneratedRegex(@"(?<=[.!?])(?<!(?:^|[\s(])\d{1,2}\.)\s+(?=[A-Z0-9""'‘“(])")]
    private static partial Regex SentenceEnd();
}
