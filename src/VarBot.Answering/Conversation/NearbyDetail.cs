using VarBot.Answering.Analysis;
using VarBot.Answering.Answers;
using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Conversation;

/// <summary>
/// Conversation stage after the usual answer: a follow-up that asks a detail of the previous answer ("wie betaalde dat?",
/// "werd daar nog iets bij uitgebracht?", "wat is er daarna besloten?") is first looked up in the report text right
/// around the lines that answer came from, where a report goes on about the same thing. There only the question's own
/// words count (the place is the subject): a sentence answers when it holds the slot asked (a name for "wie", a count for
/// "hoeveel", a date for "wanneer") and at least as many asked words as any sentence of the usual answer. It replaces
/// only an answer from the report text found elsewhere (or none): a structured answer (a meeting, a budget line, a
/// person) and a text answer from that same place stay.
/// </summary>
internal sealed class NearbyDetail(AnswerKit kit, SearchAnswerer search, EventFinder events)
{
    /// <summary>Paragraphs either side of the ones the previous answer came from.</summary>
    private const int Reach = 3;
    private const int MaxSources = 6;
    /// <summary>Words beyond the meeting's own name and date that make a passage say something about how it went.</summary>
    private const int MinCourseWords = 4;
    /// <summary>How many years after a meeting a year named on its own can be that meeting's sequel.</summary>
    private const int LaterYearsReach = 5;

    /// <summary>
    /// The share of the question's own words a sentence there must hold: the asking verb ("verzorgde", "betaalde") is often
    /// not the report's word, and the place already holds the subject.
    /// </summary>
    private const double Enough = 0.3;

    /// <summary>
    /// Signals of a question with a subject of its own (a theme, a meeting, a budget line, a person, a time) or its own kind of answer.
    /// A person ("van welke gemeente is hij burgemeester?") and the present ("hoe vaak komt hij tegenwoordig uit?") are
    /// answered from the model's facts, not from the text next to the previous answer.
    /// </summary>
    private static readonly Signals OwnSubject = Signals.Theme | Signals.EventType | Signals.EventNamed | Signals.BudgetLine | Signals.Monitoring
        | Signals.PersonName | Signals.PersonDetail | Signals.PersonReference | Signals.OtherOrg | Signals.Year | Signals.Period | Signals.Now
        | Signals.Compare | Signals.Breakdown | Signals.Share | Signals.Total | Signals.More;

    /// <summary>The lines an answer was read from, for the next turn's context.</summary>
    public static IReadOnlyList<SourceRef>? LinesOf(Reply reply)
    {
        var lines = reply.Sources.Select(s => s.Line).OfType<SourceRef>().Distinct().Take(MaxSources).ToList();
        return lines.Count > 0 ? lines : null;
    }

    /// <param name="own">The question as asked, before any follow-up merge added the previous answer's words.</param>
    /// <param name="continues">Whether the follow-up stage took the question as a continuation of the previous answer.</param>
    /// <param name="usual">The answer the usual route gave.</param>
    public Reply? Answer(Query own, ConversationContext previous, bool continues, Reply usual)
    {
        if (usual.Answered && usual.Intent is not (Intent.Search or Intent.Definition))
        {
            return null;
        }

        // It must point at the previous answer itself: "daar", "die", "en ...", "met wie ...", or be taken as a follow-up.
        if (!continues && !own.HasAny(Signals.BackReference | Signals.FollowUpStart | Signals.DetailStart))
        {
            return null;
        }

        // "Wat is de GVI?" asks a definition of its own; "wat is er daarna besloten?" points back.
        var definition = own.Has(Signals.Definition) && !own.Has(Signals.BackReference);
        if (previous.Sources is not { Count: > 0 } lines || own.HasAny(OwnSubject) || definition || own.Years.Count > 0 || own.Range is not null)
        {
            return null;
        }

        // The paragraph the previous answer was about (of the ones it was read from, the one that best holds the previous
        // question's words), then all of them, then the paragraphs around them in the same section.
        var at = lines.Select(PassageAt).OfType<PassageEntry>().Distinct().ToList();
        var subject = previous.Terms?.Select(kit.Index.Analyzer.ToToken).ToList() ?? [];
        var main = subject.Count > 0 ? kit.Index.Search.Find(subject, at.Contains, max: 1).FirstOrDefault()?.Entry : null;
        if (usual.Answered && usual.Sources.FirstOrDefault()?.Line is { } found && PassageAt(found) is { } usualAt && at.Exists(a => SameSection(a, usualAt)))
        {
            // The usual search already answers from the same place.
            return null;
        }

        var places = new List<Func<PassageEntry, bool>>();
        if (main is not null)
        {
            // Nearest first: of two sentences with the asked word, the one next to the previous answer is about the same thing.
            for (var reach = 0; reach <= Reach; reach++)
            {
                var distance = reach;
                places.Add(entry => SameSection(entry, main) && Math.Abs(entry.Index - main.Index) <= distance);
            }
        }

        places.Add(at.Contains);
        places.Add(entry => at.Exists(a => SameSection(entry, a) && Math.Abs(a.Index - entry.Index) <= Reach));
        var best = Nearest(own, own.Terms, places, usual);
        return best is null ? null : best with { Context = previous with { Question = own.Text.Raw, Shown = 0, Sources = LinesOf(best) ?? lines } };
    }

    /// <summary>
    /// "Kwam daar nog een vervolg op?" after one meeting's answer: the sentence of the meeting's own text (its block in the
    /// reports, its news items) that names a month after the meeting ("In september 2025 wordt een Leerhuis ...
    /// georganiseerd").
    /// </summary>
    public Reply? Sequel(Query own, ConversationContext previous)
    {
        if (previous.EventId is not { } id || !own.Text.Tokens.Any(t => kit.Words.Events.SequelWords.Contains(t.Text)) || own.HasAny(OwnSubject)
            || kit.Index.Events.FirstOrDefault(x => x.Event.Id == id)?.Event is not { } e)
        {
            return null;
        }

        var start = KnowledgeIndex.SortDate(e);
        var facts = events.Block(e).SelectMany(p => Sentences.Split(p.Text).Select(x => new Fact(x, kit.SourceOf(p)))).Concat(events.NewsSentences(e)).ToList();
        var later = facts.Find(f => NamesLaterMonth(f.Text, e.Year, start));
        return later is null ? null : new Reply
        {
            Intent = Intent.Search,
            Title = kit.Texts["search_title"],
            Lead = Sentences.Shorten(later.Text),
            Sources = [later.Source],
            Suggestions = kit.DefaultSuggestions(),
            Context = kit.ContextOf(own, Intent.Search) with { Sources = later.Source.Line is { } line ? [line] : previous.Sources },
        };
    }

    /// <summary>
    /// True when the sentence names a month (of the year after it, or else <paramref name="year"/>) after <paramref name="start"/>,
    /// or a later year on its own ("begin 2019 opnieuw een conferentie").
    /// </summary>
    private bool NamesLaterMonth(string sentence, int year, DateOnly start)
    {
        var tokens = TextNormalizer.Tokens(sentence);
        for (var i = 0; i < tokens.Count; i++)
        {
            var month = kit.Words.Language.Months.IndexOf(tokens[i]) + 1;
            if (month == 0)
            {
                if (tokens[i].Length == 4 && (i == 0 || !kit.Words.Language.Months.Contains(tokens[i - 1]))
                    && int.TryParse(tokens[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var later) && later > start.Year && later <= start.Year + LaterYearsReach)
                {
                    return true;
                }

                continue;
            }

            var named = i + 1 < tokens.Count && tokens[i + 1].Length == 4 && int.TryParse(tokens[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : year;
            if (new DateOnly(named, month, 1) > start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Hoe goed bezocht was de voorjaarscarrousel in Alblasserdam?", "welke signalen leerden deelnemers herkennen op het
    /// Leerhuis van april?": an answer about one meeting, to a question that asks something of it other than its date or
    /// place, is looked up in the meeting's own text (its block), with the question's words that do not name the meeting.
    /// A sentence there that holds more of them than the meeting's answer leads; the meeting stays the context. A question
    /// with the detail route's words (a theme, the speakers, the form) was answered from that text already.
    /// </summary>
    public Reply? AboutEvent(Query own, Reply usual)
    {
        if (usual.Events is not [var e] || usual.Intent == Intent.EventDetail
            || own.HasAny(Signals.EventDetail | Signals.When | Signals.Where | Signals.TimeOfDay | Signals.Money | Signals.More))
        {
            return null;
        }

        var words = kit.Words;
        var typeWords = words.Events.TypeWords;
        var named = TextNormalizer.Tokens(e.Title + " " + e.Topic + " " + e.Place).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);
        var asked = own.Terms.Where(t => !typeWords.Contains(t.Text) && !named.Contains(t.Stem) && !words.Language.Months.Contains(t.Text)
            && !words.Events.PluralWords.Contains(t.Text) && !t.Text.Any(char.IsDigit)).ToList();
        var block = events.Block(e);
        if (own.Text.Tokens.Any(t => words.Events.CourseWords.Contains(t.Text)) && asked.TrueForAll(t => words.Events.CourseWords.Contains(t.Text))
            && block.FirstOrDefault(p => p.Text.Length > 0 && !p.Passage.IsBullet && SaysMore(p)) is { } course)
        {
            // "Hoe ging de najaarscarrousel van 2020?": what the report says first about the meeting (its form, its visitors),
            // past a caption that only names it ("Videoregistratie Najaarscarrousel 29 oktober 2020").
            var said = Sentences.Split(course.Text).Take(2).Select(t => new Fact(Sentences.Shorten(t), kit.SourceOf(course))).ToList();
            return usual with
            {
                Lead = said[0].Text,
                Items = [.. said.Skip(1), new Fact(usual.Lead, usual.Sources.FirstOrDefault() ?? new FactSource("", "", null))],
                Sources = [said[0].Source, .. usual.Sources],
                Context = usual.Context with { Sources = LinesOf(usual) },
            };
        }

        if (asked.Count == 0 || block.Count == 0)
        {
            return null;
        }

        bool SaysMore(PassageEntry p) => p.Analysed.Tokens.Count(t => !t.IsStopword && !t.IsNumber && !named.Contains(t.Stem)
            && !typeWords.Contains(t.Text) && !words.Language.Months.Contains(t.Text)) >= MinCourseWords;

        var query = own with { Terms = asked, Years = [], Range = null, EventTypes = [] };
        var best = Nearest(query, asked, [block.Contains], usual, keepTies: false);
        return best is null ? null : best with
        {
            // The meeting's own answer (its date) follows what was asked of it.
            Items = [.. best.Items.Take(AnswerKit.MaxItems - 1), new Fact(usual.Lead, usual.Sources.FirstOrDefault() ?? new FactSource("", "", null))],
            Events = usual.Events,
            Context = usual.Context with { Sources = LinesOf(best) },
        };
    }

    /// <summary>
    /// The sentence that answers in the first of the places (nearest first) where one does: it holds the slot asked and more of the asked words than any sentence of the usual answer
    /// (as many will do for the first one found when <paramref name="keepTies"/>), and a farther place must hold more.
    /// </summary>
    private Reply? Nearest(Query own, IReadOnlyList<Token> asked, IReadOnlyList<Func<PassageEntry, bool>> places, Reply usual, bool keepTies = true)
    {
        var asksWho = own.Has(Signals.Who);
        var query = own with { Signals = own.Signals & ~Signals.Who, ThemeId = null, Role = null };
        // The nearest sentence that holds the most asked words: nearer places are tried first and keep ties.
        Reply? best = null;
        // A sentence of the usual answer (a near one counts too) that holds more asked words keeps that answer.
        var bestWords = usual.Items.Select(i => i.Text).Append(usual.Lead).Max(text => AskedWordsIn(text, asked));
        foreach (var place in places)
        {
            // A name anywhere in a sentence of that place answers "wie"; the usual search wants it next to an asked word.
            var reply = search.Answer(query, Intent.Search, requireNumber: false, restrict: place, partialAllowed: false, enough: Enough);
            if (reply is { Answered: true } && (!asksWho || search.HasName(reply.Lead)) && (!own.Has(Signals.Count) || HasCount(reply.Lead, own))
                && AskedWordsIn(reply.Lead, asked) is var words && (best is null && keepTies ? words >= bestWords : words > bestWords))
            {
                (best, bestWords) = (reply, words);
            }
        }

        return best;
    }

    /// <summary>
    /// "hoe vaak kwam dat netwerk bijeen?" needs a frequency ("twee keer", "jaarlijks"), "hoeveel deelnemers waren er?" a
    /// number next to the counted word; a date in the sentence is neither.
    /// </summary>
    private bool HasCount(string sentence, Query own)
    {
        var language = kit.Words.Language;
        if (own.CountNoun.Count == 0)
        {
            return TextNormalizer.Tokens(sentence).Exists(language.FrequencyWords.Contains);
        }

        var analyzer = kit.Index.Analyzer;
        var nouns = own.CountNoun.Where(w => !analyzer.IsStopword(w)).Select(Analyzer.Stem)
            .SelectMany(stem => analyzer.Synonyms(stem).Append(stem)).ToHashSet(StringComparer.Ordinal);
        return search.NumberNear(sentence, nouns);
    }

    /// <summary>How many of the question's own words (or their synonyms) the sentence holds; pointers and question words do not count.</summary>
    private int AskedWordsIn(string sentence, IReadOnlyList<Token> asked)
    {
        var analyzer = kit.Index.Analyzer;
        var conversation = kit.Words.Conversation;
        var stems = TextNormalizer.Tokens(sentence, joinBrokenWords: true).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);
        return asked.Count(t => !t.IsStopword && !conversation.BackReferences.Contains(t.Text) && !conversation.FollowUpStarts.Contains(t.Text)
            && (stems.Contains(t.Stem) || Array.Exists(analyzer.Synonyms(t.Stem), stems.Contains)));
    }

    private static bool SameSection(PassageEntry a, PassageEntry b) => a.Passage.ReportId == b.Passage.ReportId && a.Passage.Section == b.Passage.Section;

    /// <summary>The passage a report line lies in: the last one of that file that starts at or before it.</summary>
    private PassageEntry? PassageAt(SourceRef line) =>
        kit.Index.Passages.LastOrDefault(p => p.Passage.Source.File == line.File && p.Passage.Source.Line <= line.Line);
}
