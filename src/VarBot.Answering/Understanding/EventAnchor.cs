using VarBot.Answering.Vocabulary;

namespace VarBot.Answering.Understanding;

/// <summary>
/// "Welke bijeenkomst komt er na het Leerhuis van 6 juli?": a question that places what it asks after a meeting it names
/// (an opener of <c>after_event_phrases</c> followed by an event word) is two questions in one: the meeting named (the
/// anchor), and what comes after it, asked as a follow-up of the anchor's answer.
/// </summary>
internal static class EventAnchor
{
    /// <summary>How far after the opener the event word may stand ("na het eerste Leerhuis").</summary>
    private const int EventWordReach = 4;

    /// <summary>The anchor's words and the question without them, or null when the text names no meeting to follow.</summary>
    public static (string Anchor, string Remainder)? Split(string text, Words words)
    {
        var eventWords = words.Events.TypeWords;
        if (!Analysis.TextNormalizer.Tokens(text).Exists(eventWords.Contains))
        {
            return null;
        }

        var raw = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tokens = raw.Select(w => Analysis.TextNormalizer.Tokens(w)).ToList();
        foreach (var phrase in words.Time.AfterEventPhrases.Select(Analysis.TextNormalizer.PhraseTokens).OrderByDescending(p => p.Length))
        {
            for (var i = 0; i + phrase.Length < raw.Length; i++)
            {
                if (!OneWordEach(tokens, i, phrase) || i == 0 && !LeadsAClause(raw, phrase.Length))
                {
                    continue;
                }

                var start = i + phrase.Length;
                if (!tokens.Skip(start).Take(EventWordReach).Any(t => t.Exists(eventWords.Contains)))
                {
                    continue;
                }

                // The anchor runs to the end of its clause: a comma, a question mark, or "en"/"of" before a question word.
                var end = start;
                while (end < raw.Length && !(end > start && JoinsAnotherQuestion(tokens, end, words.Language)))
                {
                    end++;
                    if (raw[end - 1].EndsWith(',') || raw[end - 1].EndsWith('?') || raw[end - 1].EndsWith(':'))
                    {
                        break;
                    }
                }

                var anchor = string.Join(' ', raw[start..end]).TrimEnd(',', '?', ':');
                var before = string.Join(' ', raw[..i]);
                var after = string.Join(' ', raw[end..]);
                var rest = (before + (raw[end - 1].EndsWith('?') ? "?" : "") + (after.Length > 0 ? " " + after : "")).Trim();
                return anchor.Length > 0 ? (anchor, rest) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// "Na de eerste veiligheidsconferentie in 2017: wanneer ...?": an opener at the very start anchors only a clause of its
    /// own, closed by a colon or a comma before the question goes on ("Na het Leerhuis komt er nog een carrousel?" does not).
    /// </summary>
    private static bool LeadsAClause(string[] raw, int from)
    {
        for (var k = from; k + 1 < raw.Length; k++)
        {
            if (raw[k].EndsWith(':') || raw[k].EndsWith(','))
            {
                return true;
            }

            if (raw[k].EndsWith('?') || raw[k].EndsWith('.'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The phrase's words stand from <paramref name="at"/> on, each as a whole word of the text.</summary>
    private static bool OneWordEach(List<List<string>> tokens, int at, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (tokens[at + k] is not [var t] || t != phrase[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool JoinsAnotherQuestion(List<List<string>> tokens, int at, LanguageWords language) =>
        tokens[at] is [var joiner] && language.PartJoiners.Contains(joiner)
        && at + 1 < tokens.Count && tokens[at + 1] is [var next] && language.PartQuestionWords.Contains(next);
}
