using VarBot.Answering.Vocabulary;

namespace VarBot.Answering.Understanding;

/// <summary>
/// "Ik ben net begonnen als controller bij een van de gemeenten. Hoeveel ... ?": sentences before the question that are
/// about the asker (they start with a word of <c>asker_words</c>) say who asks, not what is asked; they are left out.
/// </summary>
internal static class AskerPreamble
{
    private const int MinRestWords = 2;

    /// <summary>The shortest stem of a clause's verb that counts as the start of the noun before the clause ("meld").</summary>
    private const int MinUseStem = 4;
    /// <summary>The longest question that, pointing back ("wat is dat precies?"), is about the asker's sentence before it.</summary>
    private const int ShortPointingQuestion = 4;
    /// <summary>The shortest word that can name a subject a question and a statement share ("Leerhuis", not "de").</summary>
    private const int MinSubjectWord = 4;
    /// <summary>The fewest subject words with which a question names its own subject, without the statement before it.</summary>
    private const int MinOwnSubjectWords = 5;

    /// <summary>The stages, in the order they run: each takes off one kind of words around the question.</summary>
    private static readonly Func<string, Words, string>[] Stages =
    [
        (text, words) => StripRestating(text, words.Language),
        (text, words) => StripClosing(text, words.Conversation),
        (text, words) => StripOpening(text, words.Conversation),
        StripHedge,
        StripPreamble,
        StripStatement,
        StripRemark,
        (text, words) => StripAskerClause(text, words.Language),
        StripIndirect,
    ];

    public static string Strip(string text, Words words)
    {
        foreach (var stage in Stages)
        {
            text = stage(text, words);
        }

        return text;
    }

    /// <summary>
    /// "wie is de baas van de VAR, het hoofd bedoel ik?": closing words of <c>restating_closings</c> say that the words
    /// before them restate what is asked; they ask nothing themselves and are left out (the restated words stay).
    /// </summary>
    private static string StripRestating(string text, LanguageWords language)
    {
        var raw = text.TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var phrase in language.RestatingClosings)
        {
            var length = phrase.Length;
            if (length == 0 || raw.Length < length + MinRestWords)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < length && matches; k++)
            {
                matches = Analysis.TextNormalizer.Tokens(raw[raw.Length - length + k]) is [var word] && word == phrase[k];
            }

            if (matches)
            {
                var mark = raw[^1].EndsWith('?') ? "?" : raw[^1].EndsWith('.') ? "." : "";
                return string.Join(' ', raw[..^length]).TrimEnd(',', ';', ' ') + mark;
            }
        }

        return text;
    }

    /// <summary>
    /// "Het Leerhuis van afgelopen maandag is geweest. Wanneer is het volgende Leerhuis?": a statement before a question that
    /// names the statement's subject again says what the asker knows, not what is asked; it is left out. A statement with a
    /// year, or a question that points back to it, stays.
    /// </summary>
    private static string StripStatement(string text, Words words)
    {
        var trimmed = text.TrimEnd();
        var end = -1;
        for (var i = 0; i + 1 < trimmed.Length; i++)
        {
            if (trimmed[i] is '.' or '!' && char.IsWhiteSpace(trimmed[i + 1]))
            {
                end = i;
            }
        }

        if (end < 0 || !trimmed.EndsWith('?') || trimmed[..end].Contains('?'))
        {
            return text;
        }

        var statement = Analysis.TextNormalizer.Tokens(trimmed[..end]);
        var question = Analysis.TextNormalizer.Tokens(trimmed[(end + 1)..]);
        var shared = question.Where(t => t.Length >= MinSubjectWord && !words.Language.Stopwords.Contains(t)).Intersect(statement);
        return statement.Count >= MinRestWords && question.Count >= MinRestWords && !statement.Exists(t => t.Length == 4 && t.All(char.IsDigit))
            && !question.Exists(words.Conversation.BackReferences.Contains) && !IsPosition(question[^1], words.Time)
            && !ClosesPointingBack(question, words) && (shared.Any() || NamesOwnSubject(question, words))
            ? trimmed[(end + 1)..].Trim() : text;
    }

    /// <summary>
    /// "Labour exploitation is ook in logistiek een risico. Met welke partners is het Regionaal Controleteam Mensenhandel
    /// in 2024 doorontwikkeld?": a question with enough words of its own names its own subject; a statement before it
    /// that it does not point back to only says why the asker asks.
    /// </summary>
    private static bool NamesOwnSubject(List<string> question, Words words)
    {
        var own = 0;
        foreach (var t in question)
        {
            own += t.Length >= MinSubjectWord && !words.Language.Stopwords.Contains(t) ? 1 : 0;
        }

        return own >= MinOwnSubjectWords;
    }

    /// <summary>
    /// "... binnen zorg en veiligheid. Alvast heel erg bedankt hoor!": a closing sentence of thanks or greetings only asks
    /// nothing; it is left out when a question is left.
    /// </summary>
    private static string StripClosing(string text, ConversationWords conversation)
    {
        var trimmed = text.TrimEnd();
        for (var i = trimmed.Length - 2; i > 0; i--)
        {
            if (trimmed[i] is '.' or '!' or '?' && char.IsWhiteSpace(trimmed[i + 1]))
            {
                var tail = Analysis.TextNormalizer.Tokens(trimmed[(i + 1)..]);
                var closes = tail.Count > 0 && tail.TrueForAll(t => conversation.CourtesyWords.Contains(t) || conversation.SmallTalkFillers.Contains(t) || conversation.ClosingWords.Contains(t));
                return closes && Analysis.TextNormalizer.Tokens(trimmed[..i]).Count >= MinRestWords ? trimmed[..(i + 1)] : text;
            }
        }

        return text;
    }

    /// <summary>
    /// "Mijn burgemeester vroeg me op te zoeken op welke drie thema's de VAR zich richt": a sentence by the asker that holds
    /// its question as a clause asks that clause (from its question word, with the preposition before it).
    /// </summary>
    private static string StripIndirect(string text, Words words)
    {
        var language = words.Language;
        var raw = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (raw.Length == 0 || Analysis.TextNormalizer.Tokens(raw[0]) is not [var first] || !language.AskerWords.Contains(first))
        {
            return text;
        }

        for (var i = 1; i + MinRestWords < raw.Length; i++)
        {
            if (raw[i - 1].Length > 0 && char.IsPunctuation(raw[i - 1][^1]))
            {
                // "Ik wil me aanmelden voor het Leerhuis, wanneer is dat?": a clause of its own, which the preamble rules judge.
                return text;
            }

            if (Analysis.TextNormalizer.Tokens(raw[i]) is [var word] && language.PartQuestionWords.Contains(word))
            {
                var start = Analysis.TextNormalizer.Tokens(raw[i - 1]) is [var before] && language.IndirectPrepositions.Contains(before) ? i - 1 : i;
                var rest = raw[start..];
                return Analysis.TextNormalizer.Tokens(string.Join(' ', rest)).Exists(words.Conversation.BackReferences.Contains) ? text : string.Join(' ', rest);
            }
        }

        return text;
    }

    /// <summary>
    /// "Wat is het eerstvolgende evenement waar ik collega's op kan attenderen?": a closing clause opened by a word of
    /// <c>asker_clause_starts</c> and an asker word says what the asker will do, not what is asked; the question ends before it.
    /// So does one opened by a word of <c>asker_wish_clause_starts</c> and an asker word that holds a wish word.
    /// </summary>
    private static string StripAskerClause(string text, LanguageWords language)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = MinRestWords; i + 1 < words.Length; i++)
        {
            var word = Analysis.TextNormalizer.Tokens(words[i]);
            var next = Analysis.TextNormalizer.Tokens(words[i + 1]);
            // "Wie is de baas van de VAR, als ik iemand wil aanspreken?": a clause of what the asker wants to do, with a wish word.
            var wish = word is [var opening] && language.AskerWishClauseStarts.Contains(opening)
                && words[(i + 2)..].Any(w => Analysis.TextNormalizer.Tokens(w) is [var verb] && language.AskerWishWords.Contains(verb));
            if (word is [var start] && (language.AskerClauseStarts.Contains(start) || wish) && next is [var asker] && language.AskerWords.Contains(asker)
                && !words[..i].Any(w => w.EndsWith('?')) && !NamesItsUse(words, i))
            {
                return string.Join(' ', words[..i]) + (text.TrimEnd().EndsWith('?') ? "?" : "");
            }
        }

        return text;
    }

    /// <summary>
    /// "een meldpunt waar ik oplichting kan melden?": a clause whose verb names what the thing before it is for ("melden"
    /// of "meldpunt") says which thing is asked, not what the asker will do with the answer; it stays part of the question.
    /// </summary>
    private static bool NamesItsUse(string[] words, int clauseStart)
    {
        if (clauseStart == 0 || Analysis.TextNormalizer.Tokens(words[clauseStart - 1]) is not [var head])
        {
            return false;
        }

        for (var k = clauseStart + 2; k < words.Length; k++)
        {
            if (Analysis.TextNormalizer.Tokens(words[k]) is [var token])
            {
                var stem = Analysis.Analyzer.Stem(token);
                if (stem.Length >= MinUseStem && head.Length > stem.Length && head.StartsWith(stem, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"Ok, en hoeveel abonnees ...?", "Hoi! Ben net begonnen ...": opening words of a chat turn are no part of the question.</summary>
    private static string StripOpening(string text, ConversationWords conversation)
    {
        var tokens = Analysis.TextNormalizer.Tokens(text);
        var count = tokens.TakeWhile(conversation.OpeningWords.Contains).Count();
        return count > 0 && tokens.Count - count >= MinRestWords ? PastWords(text, count) : text;
    }

    /// <summary>
    /// "Komt er dit jaar een conferentie? Met corona weet je het maar nooit": a remark after the question mark that asks
    /// nothing (no question word, not opened by "en"/"of", a comparison as in "Minder dan vorig jaar?" or a verb that asks
    /// yes or no as in "Is dat minder dan vorig jaar?") is no part of the question.
    /// </summary>
    private static string StripRemark(string text, Words words)
    {
        var language = words.Language;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != '?' || !char.IsWhiteSpace(text[i + 1]))
            {
                continue;
            }

            var tail = Analysis.TextNormalizer.Tokens(text[(i + 1)..]);
            var asks = tail.Count == 0 || language.PartJoiners.Contains(tail[0]) || words.Budget.CompareWords.Contains(tail[0]) || language.YesNoStarts.Contains(tail[0]) || tail.Exists(t => language.PartQuestionWords.Contains(t) || language.WhenWords.Contains(t)
                || language.WhichWords.Contains(t) || language.WhereWords.Contains(t) || language.CountWords.Contains(t));
            return asks ? text : text[..(i + 1)];
        }

        return text;
    }

    /// <summary>
    /// Leading clauses that only say who asks or why ("Ik werk sinds kort bij het OM, wat is ...", "Ten behoeve van een
    /// raadsvoorstel: kunt u ..."): a clause opened by an asker word or by a purpose phrase. A clause before a colon that
    /// names a subject ("Citydeal cyberweerbaarheid in 2025: hoeveel ...") is part of the question.
    /// </summary>
    private static string StripPreamble(string text, Words words)
    {
        var language = words.Language;
        var rest = text;
        while (true)
        {
            var end = ClauseEnd(rest, language);
            if (end < 0)
            {
                return rest;
            }

            var clause = Analysis.TextNormalizer.Tokens(rest[..end]);
            var after = rest[(end + 1)..].Trim();
            var byAsker = clause.Count > 0 && language.AskerWords.Contains(clause[0]);
            var purpose = rest[end] != '.' && (language.PurposeStarts.Select(Analysis.TextNormalizer.PhraseTokens)
                .Any(p => Analysis.TextNormalizer.PhraseAt(clause, 0, p))
                || language.PurposeNounOpeners.Select(Analysis.TextNormalizer.PhraseTokens)
                    .Any(p => p.Length < clause.Count && Analysis.TextNormalizer.PhraseAt(clause, 0, p) && language.PurposeNouns.Contains(clause[p.Length])));
            // "Ik zoek de cijfers van 2019: hoe groot was het budget dat jaar?", "Ik wil me aanmelden voor het volgende
            // Leerhuis, wanneer is dat?": a clause with a year, or one the rest points back to, is part of the question.
            // "Ik wil me aanmelden voor een Leerhuis. Welke datum is het eerstvolgende?": a question that ends on a position
            // word leaves out its noun, which the clause names.
            // "Ik moet het leerhuis van juli in de agenda zetten. Hoe laat begint het?": a question that closes on a word
            // pointing back is about the clause, whatever mark ends it.
            // Only the question's first clause points back to it: "..., en wie is dat nu?" points to what that clause asked.
            var afterTokens = Analysis.TextNormalizer.Tokens(after);
            var firstClause = Analysis.TextNormalizer.Tokens(after.Split(',')[0]);
            // "Ik las iets over 'X'. Wat is dat precies?": a question that opens pointing back ("wat is dat") is about the
            // clause before it, whatever mark ends that clause.
            var partOfQuestion = rest[end] != '.' && (clause.Exists(t => t.Length == 4 && t.All(char.IsDigit)) || firstClause.Where((_, i) => PointsBack(firstClause, i, clause, words)).Any())
                || OpensPointingBack(firstClause, clause, words)
                || afterTokens.Count > 0 && (ClosesPointingBack(afterTokens, words) || ClosesOnItsSubject(afterTokens, words) || IsPosition(afterTokens[^1], words.Time))
                || AsksOnlyADetail(clause, afterTokens, words);
            if (purpose && partOfQuestion && PurposeNounLength(clause, language) is > 0 and var length && length < clause.Count)
            {
                // "Voor een raadsmemo over 2024: wat was de begroting?": the purpose is left out, the year it names stays.
                return PastWords(rest, length);
            }

            if (!(byAsker || purpose) || partOfQuestion || after.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinRestWords)
            {
                return rest;
            }

            rest = after;
        }
    }

    /// <summary>
    /// "hoe laat begint het?", "waar ging het over?": the question closes on a word pointing back, or on one followed only
    /// by a preposition of its verb.
    /// </summary>
    private static bool ClosesPointingBack(List<string> question, Words words) =>
        question.Count > 0 && (words.Conversation.ClosingReferences.Contains(question[^1])
            || question.Count > 1 && words.Language.PartPrepositions.Contains(question[^1]) && words.Conversation.ClosingReferences.Contains(question[^2]));

    /// <summary>
    /// "Ik hoorde dat er dit najaar een extra Leerhuis komt. Op welke datum is dat?": a question that closes on a pronoun
    /// pointing back and names at most one word of its own (what it asks) has the clause before it as its subject. One that
    /// names its own subject ("wanneer is het volgende Leerhuis en waar is dat?") does not.
    /// </summary>
    private static bool ClosesOnItsSubject(List<string> question, Words words)
    {
        if (!words.Conversation.BackReferences.Contains(question[^1]) || !words.Conversation.EventReferences.Contains(question[^1]))
        {
            return false;
        }

        var own = 0;
        foreach (var token in question)
        {
            if (!words.Language.Stopwords.Contains(token) && !words.Language.PartQuestionWords.Contains(token) && !words.Conversation.BackReferences.Contains(token))
            {
                own++;
            }
        }

        return own <= 1;
    }

    /// <summary>
    /// "wat is dat precies (en hoeveel ...)": the question's first part, up to a joiner of <c>part_joiners</c>, is short and
    /// points back.
    /// </summary>
    private static bool OpensPointingBack(List<string> firstClause, List<string> clause, Words words)
    {
        var count = 0;
        var points = false;
        for (var i = 0; i < firstClause.Count; i++)
        {
            if (count > 0 && words.Language.PartJoiners.Contains(firstClause[i]))
            {
                break;
            }

            points |= PointsBack(firstClause, i, clause, words);
            count++;
        }

        return points && count <= ShortPointingQuestion;
    }

    /// <summary>
    /// "Ik zie de 'regiegroep' genoemd. Wat doet die regiegroep?": a word pointing back right before a word the clause
    /// before names again is the question's own subject ("die regiegroep"), not a pointer to that clause.
    /// </summary>
    private static bool PointsBack(List<string> question, int at, List<string> clause, Words words) =>
        words.Conversation.BackReferences.Contains(question[at])
        && !(at + 1 < question.Count && !words.Language.Stopwords.Contains(question[at + 1]) && clause.Contains(question[at + 1]));

    /// <summary>
    /// "Misschien een basale vraag, maar hoe wordt de VAR gefinancierd?", "Sorry als dit een domme vraag is, maar wat is
    /// ...?": a leading clause with a word of <c>hedge_words</c>, closed by a comma before a question word (perhaps after a
    /// word of <c>hedge_joiners</c>), says how the asker asks, not what; it is left out with the joiner.
    /// </summary>
    private static string StripHedge(string text, Words words)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return text;
        }

        var rest = text[(comma + 1)..].Trim();
        var after = Analysis.TextNormalizer.Tokens(rest);
        var skip = after.Count > 0 && words.Conversation.HedgeJoiners.Contains(after[0]) ? 1 : 0;
        return after.Count - skip >= MinRestWords && IsQuestionWord(after[skip], words.Language)
            && Analysis.TextNormalizer.Tokens(text[..comma]).Exists(words.Conversation.HedgeWords.Contains)
            ? PastWords(rest, skip) : text;
    }

    /// <summary>
    /// The words of a purpose phrase and the purpose noun after it ("voor een raadsmemo", "voor de commissie") at the start of
    /// the clause; 0 when the clause does not open so.
    /// </summary>
    private static int PurposeNounLength(List<string> clause, LanguageWords language) =>
        language.PurposeStarts.Concat(language.PurposeNounOpeners).Select(Analysis.TextNormalizer.PhraseTokens)
            .Where(p => p.Length < clause.Count && Analysis.TextNormalizer.PhraseAt(clause, 0, p) && language.PurposeNouns.Contains(clause[p.Length]))
            .Select(p => p.Length + 1).DefaultIfEmpty(0).Max();

    /// <summary>
    /// "Ik kon vorige week niet naar de najaarscarrousel. Wat was het thema?": a question of only a meeting's detail words
    /// asks about the meeting the clause before it names. So does one of only its date and place ("Ik wil naar het
    /// volgende Leerhuis. Welke datum en in welke plaats?").
    /// </summary>
    private static bool AsksOnlyADetail(List<string> clause, List<string> question, Words words)
    {
        var language = words.Language;
        var own = question.Where(t => !language.Stopwords.Contains(t) && !language.PartQuestionWords.Contains(t)).ToList();
        return own.Count > 0 && own.TrueForAll(t => words.Events.DetailWords.Contains(t) || language.WhenWords.Contains(t) || language.WhereWords.Contains(t))
            && clause.Exists(t => words.Events.EventTypes.Values.Any(typeWords => typeWords.Contains(t)));
    }

    /// <summary>
    /// "Iets heel anders: uit hoeveel gemeenten bestond de VAR?": an opener of <c>topic_shift_phrases</c> at the start is
    /// left out, and says the question starts a new topic. Null when the text does not open so (or nothing is left).
    /// </summary>
    public static string? StripTopicShift(string text, ConversationWords conversation)
    {
        var tokens = Analysis.TextNormalizer.Tokens(text);
        var length = conversation.TopicShiftPhrases.Select(Analysis.TextNormalizer.PhraseTokens)
            .Where(p => p.Length > 0 && p.Length + MinRestWords <= tokens.Count && Analysis.TextNormalizer.PhraseAt(tokens, 0, p))
            .Select(p => p.Length).DefaultIfEmpty(0).Max();
        if (length == 0)
        {
            return null;
        }

        var rest = PastWords(text, length);
        return rest.Length > 0 ? rest : null;
    }

    /// <summary>The raw text after its first <paramref name="count"/> words and the punctuation after them.</summary>
    private static string PastWords(string text, int count)
    {
        var at = 0;
        for (var word = 0; word < count; word++)
        {
            while (at < text.Length && !char.IsLetterOrDigit(text[at]))
            {
                at++;
            }

            while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] is '\'' or '’'))
            {
                at++;
            }
        }

        while (at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] is ':' or ',' or ';' or '.' or '!' or '-' or '–'))
        {
            at++;
        }

        return text[at..].Trim();
    }

    /// <summary>The end of the first clause: a full stop, exclamation mark or colon, or a comma before a question word.</summary>
    private static int ClauseEnd(string text, LanguageWords language)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (!char.IsWhiteSpace(text[i + 1]))
            {
                continue;
            }

            if (text[i] is '.' or '!' or ':')
            {
                return i;
            }

            if (text[i] == ',' && Analysis.TextNormalizer.Tokens(text[(i + 1)..]).FirstOrDefault() is { } next && IsQuestionWord(next, language))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPosition(string token, TimeWords time) =>
        time.NextWords.Contains(token) || time.FirstWords.Contains(token) || time.LastWords.Contains(token) || time.PreviousWordsEvent.Contains(token);

    private static bool IsQuestionWord(string token, LanguageWords language) =>
        language.PartQuestionWords.Contains(token) || language.YesNoStarts.Contains(token) || language.CourtesyStarts.Contains(token);
}
