using System.Text.RegularExpressions;
using VarBot.Answering.Vocabulary;

namespace VarBot.Answering.Understanding;

/// <summary>
/// Splits a question of two parts ("hoeveel ging er in 2020 naar monitoring en hoeveel werd er voor 2021 begroot?") at
/// a joiner followed by a question word, so that each part is answered; the vocabulary decides the words.
/// </summary>
internal sealed class QuestionSplitter
{
    private const int MinPartWords = 2;

    /// <summary>
    /// A guard, not a budget: the pattern is linear in the question's length, but a first match on a starved machine
    /// (JIT, other processes) took over 50 ms, and a timeout must never change the answer.
    /// </summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private readonly Regex _split;
    private readonly HashSet<string> _questionWords;

    public QuestionSplitter(Words words)
    {
        var language = words.Language;
        _questionWords = new HashSet<string>(language.PartQuestionWords, StringComparer.Ordinal);
        static string Alternatives(IEnumerable<string> list) => string.Join('|', list.Select(Regex.Escape));
        _split = new Regex(
            $@"(?:\s*[,;]\s*|\s+)(?:{Alternatives(language.PartJoiners)})\s+(?=(?:(?:{Alternatives(language.PartPrepositions)})\s+)?(?:{Alternatives(language.PartQuestionWords)})\b)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            MatchTimeout);
    }

    /// <summary>The parts of the question; one part when it asks one thing.</summary>
    public IReadOnlyList<string> Split(string question)
    {
        // "Hoeveel ging er dit jaar naar X? Minder dan vorig jaar?": two questions, each with its own mark.
        var mark = question.IndexOf('?', StringComparison.Ordinal);
        if (mark > 0 && question[(mark + 1)..].Trim() is { Length: > 0 } rest && Words(question[..mark]) >= MinPartWords + 1 && Words(rest) >= MinPartWords)
        {
            // "Jan Heijkoop was lang voorzitter? Hoe lang, en wie volgde hem op?": the second question may itself have two
            // parts, the first of them as short as "hoe lang" (the first question gives its subject).
            // "Hoe vaak ... in 2017, en hoe vaak in 2025? Welke ...?": the first question may have two parts as well.
            return [.. Joined(question[..(mark + 1)].Trim(), MinPartWords + 1), .. Joined(rest, MinPartWords)];
        }

        return Joined(question, MinPartWords + 1);
    }

    /// <summary>The question split at a joiner before a question word, when the part before it has at least <paramref name="minFirst"/> words.</summary>
    private IReadOnlyList<string> Joined(string question, int minFirst)
    {
        Match match;
        try
        {
            match = _split.Match(question);
        }
        catch (RegexMatchTimeoutException)
        {
            return [question];
        }

        if (!match.Success)
        {
            return [question];
        }

        var first = question[..match.Index].Trim();
        var second = question[(match.Index + match.Length)..].Trim();
        return Words(first) >= minFirst && Words(second) >= MinPartWords && (minFirst > MinPartWords || StartsWithQuestionWord(first))
            ? [first.TrimEnd(',', ';') + "?", second]
            : [question];
    }

    private bool StartsWithQuestionWord(string part) =>
        part.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var word, ..] && _questionWords.Contains(word.ToLowerInvariant());

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
