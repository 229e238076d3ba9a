using VarBot.Answering.Analysis;
using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Answers;

/// <summary>
/// "Op welke datum verscheen het bericht over de actiedag?", "welke nieuwsberichten verschenen in oktober 2025?", "het
/// meest recente nieuwsbericht over mensenhandel": the website's news items, found by what they are about (title, summary
/// and text, theme), by when they appeared or by the date of the meeting they announce.
/// </summary>
internal sealed class NewsAnswerer(AnswerKit kit, SearchAnswerer search) : IAnswerer
{
    private const int TitleWeight = 2;
    private const int ThemeWeight = 2;
    /// <summary>The share of the question's own words an item must hold to be the one asked about.</summary>
    private const double Enough = 0.5;
    private const int NewestOffered = 3;
    /// <summary>How far before the item word a position word stands ("het meest recente nieuwsbericht").</summary>
    private const int PositionReach = 2;

    private Dictionary<string, (HashSet<string> Title, HashSet<string> Text)>? _stems;

    public Intent Intent => Intent.News;

    public Reply Answer(Query query)
    {
        var words = kit.Words.News;
        var asked = query.Terms.Where(t => !words.ItemWords.Contains(t.Text) && !words.PublishWords.Contains(t.Text) && !words.LatestWords.Contains(t.Text) && !t.IsNumber)
            .Select(t => t.Stem).Distinct().ToList();
        var found = Find(query, asked);
        if (found.Count == 0 && asked.Count > 0 && query.Has(Signals.RelativeDay))
        {
            // "het bericht over de actiedag 'Echt niet vandaag'": a day word in a name is no date.
            found = Find(query with { Range = null }, asked);
        }

        if (found.Count == 0)
        {
            // "wat voor berichten deelt de VAR op LinkedIn?": the reports may say it where no news item does; when an item
            // appeared ("wanneer stond het bericht op de site?") only an item says.
            return asked.Count > 0 && !query.Has(Signals.When) && search.Answer(query, Intent.Search, requireNumber: false, partialAllowed: false) is { Answered: true } text ? text : None(query);
        }

        var list = query.Text.Tokens.Any(t => words.PluralWords.Contains(t.Text)) || query.Has(Signals.Count);
        var subject = asked.Count > 0 || query.ThemeId is not null || query.EventTypes.Count > 0;
        if (list)
        {
            var listed = found.OrderByDescending(n => n.Date).ToList();
            var period = query.Range is { } range ? kit.Period(range) : query.Years is [var year] ? kit.Texts.Format("when_year", year) : null;
            var one = listed.Count == 1 ? "_one" : "";
            var lead = period is not null ? kit.Texts.Format("news_list_period" + one, AnswerKit.Capital(period), listed.Count)
                : kit.Texts.Format((subject ? "news_list" : "news_list_all") + one, listed.Count);
            // "Meer" shows the next page of the list.
            var page = listed.Skip(query.Skip).Take(AnswerKit.MaxItems).ToList();
            return page.Count == 0 ? kit.NotFound(query, Intent, kit.Texts["more_none"])
                : Reply(query, lead, page.Select(n => new Fact(kit.Texts.Format("news_line", DutchFormat.Date(n.Date), n.Title), SourceOf(n))).ToList(), page)
                    with { HasMore = listed.Count > query.Skip + page.Count, More = kit.Texts["suggest_more"] };
        }

        var position = Before(query, words.LatestWords) ? -1 : Before(query, kit.Words.Time.FirstWords) ? 1 : 0;
        // "het meest recente bericht over mensenhandel": of the items about it, the newest; otherwise the one most about it.
        var best = position switch
        {
            -1 => found.MaxBy(n => n.Date)!,
            1 => found.MinBy(n => n.Date)!,
            _ => found[0],
        };
        var key = position != -1 ? "news_item" : subject ? "news_latest" : "news_latest_any";
        return Reply(query, kit.Texts.Format(key, best.Title, DutchFormat.Date(best.Date)), [new Fact(best.Summary, SourceOf(best))], [best]);
    }

    /// <summary>The fewest own words of a question that a news item's text answers when the reports do not.</summary>
    private const int TextMinWords = 3;

    private Dictionary<string, IReadOnlyList<string>>? _sentences;

    /// <summary>
    /// "welke middelen kunnen gemeenten bij de VAR aanvragen voor bewustwording?" when no report sentence answers it: a
    /// news item that holds every word of the question answers with its sentence that holds most of them (and the sentence
    /// before it when that one points back: "Gemeenten kunnen deze middelen aanvragen"). Null when no item holds them all.
    /// </summary>
    public Reply? Text(Query query)
    {
        var language = kit.Words.Language;
        var asked = query.Terms.Where(t => !t.IsStopword && !t.IsNumber && !t.IsCompoundRest && !language.WhoWords.Contains(t.Text) && !language.WhereWords.Contains(t.Text)
                && !kit.Words.Conversation.FollowUpStarts.Contains(t.Text) && !kit.Words.News.ItemWords.Contains(t.Text))
            .Select(t => t.Stem).Distinct().ToList();
        if (asked.Count < TextMinWords)
        {
            return null;
        }

        var item = kit.Model.News.Where(n => n.Date <= query.Today && InTime(n, query))
            .Select(n => (Item: n, Score: Score(n, asked, query)))
            .Where(s => s.Score.Matched == asked.Count)
            .OrderByDescending(s => s.Score.Points).ThenByDescending(s => s.Item.Date).Select(s => s.Item).FirstOrDefault();
        if (item is null)
        {
            return null;
        }

        _sentences ??= kit.Model.News.ToDictionary(n => n.Id, n => Sentences.Split(Markdig.Markdown.ToPlainText(n.BodyMarkdown)), StringComparer.Ordinal);
        var sentences = _sentences[item.Id];
        var covered = sentences.Select(s => Covered(s, asked)).ToList();
        if (covered.Count == 0 || covered.Max() == 0)
        {
            return null;
        }

        var best = covered.IndexOf(covered.Max());
        var facts = new List<Fact>();
        if (best > 0 && TextNormalizer.Tokens(sentences[best]).Take(BackReach).Any(language.BackReferenceWords.Contains))
        {
            facts.Add(new Fact(Sentences.Shorten(sentences[best - 1]), SourceOf(item)));
        }

        facts.Add(new Fact(Sentences.Shorten(sentences[best]), SourceOf(item)));
        return new Reply
        {
            Intent = Intent.Search,
            Title = kit.Texts["search_title"],
            Lead = facts[0].Text,
            Items = facts.Skip(1).ToList(),
            Sources = [SourceOf(item)],
            Suggestions = kit.DefaultSuggestions(),
            Context = kit.ContextOf(query, Intent.Search),
        };
    }

    /// <summary>How far into a sentence a pointing word ("deze middelen") makes it lean on the sentence before.</summary>
    private const int BackReach = 6;

    private int Covered(string sentence, List<string> asked)
    {
        var stems = Stems(sentence);
        return asked.Count(a => kit.Index.Analyzer.Synonyms(a).Prepend(a).Any(stems.Contains));
    }

    /// <summary>The items the question is about, most about it first (the newest of equals first).</summary>
    private List<NewsItem> Find(Query query, List<string> asked)
    {
        var needed = asked.Count == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(asked.Count * Enough));
        return kit.Model.News.Where(n => n.Date <= query.Today && InTime(n, query))
            .Select(n => (Item: n, Score: Score(n, asked, query)))
            .Where(s => s.Score.Matched >= needed && (asked.Count > 0 || s.Score.Points > 0 || query.ThemeId is null))
            .OrderByDescending(s => s.Score.Points).ThenByDescending(s => s.Item.Date).Select(s => s.Item).ToList();
    }

    /// <summary>A date window the question names: the item appeared in it, or announces a meeting in it.</summary>
    private bool InTime(NewsItem item, Query query)
    {
        var meeting = item.EventId is { } id ? kit.Model.Events.FirstOrDefault(e => e.Id == id) : null;
        if (query.Range is { } range)
        {
            return range.Contains(item.Date) || meeting?.Date is { } date && range.Contains(date);
        }

        return query.Years.Count == 0 || query.Years.Contains(item.Date.Year) || meeting is not null && query.Years.Contains(meeting.Year);
    }

    /// <summary>How many of the question's own words the item holds, and its points (title words count double, its theme too).</summary>
    private (int Matched, int Points) Score(NewsItem item, List<string> asked, Query query)
    {
        var (title, text) = StemsOf(item);
        var matched = 0;
        var points = 0;
        foreach (var stem in asked)
        {
            var forms = kit.Index.Analyzer.Synonyms(stem).Prepend(stem).ToList();
            if (forms.Exists(title.Contains))
            {
                matched++;
                points += TitleWeight;
            }
            else if (forms.Exists(text.Contains))
            {
                matched++;
                points++;
            }
        }

        if (query.ThemeId is { } theme && item.Themes.Contains(theme))
        {
            points += ThemeWeight;
        }

        if (query.EventTypes.Count > 0 && item.EventId is { } id && kit.Model.Events.FirstOrDefault(e => e.Id == id) is { } meeting && query.EventTypes.Contains(meeting.Type))
        {
            points++;
        }

        return (matched, points);
    }

    private (HashSet<string> Title, HashSet<string> Text) StemsOf(NewsItem item)
    {
        _stems ??= kit.Model.News.ToDictionary(n => n.Id, n => (Stems(n.Title), Stems(n.Title + " " + n.Summary + " " + Markdig.Markdown.ToPlainText(n.BodyMarkdown))), StringComparer.Ordinal);
        return _stems.TryGetValue(item.Id, out var stems) ? stems : (Stems(item.Title), Stems(item.Title + " " + item.Summary));
    }

    private HashSet<string> Stems(string text) => kit.Index.Analyzer.Passage(text).Tokens.Where(t => !t.IsStopword).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// "het meest recente nieuwsbericht", "het eerste bericht": a word of <paramref name="position"/> right before the item
    /// word (not "het bericht over het laatste Leerhuis", where it is the meeting's).
    /// </summary>
    private bool Before(Query query, IReadOnlySet<string> position)
    {
        var tokens = query.Text.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (kit.Words.News.ItemWords.Contains(tokens[i].Text) && tokens.Skip(Math.Max(0, i - PositionReach)).Take(Math.Min(i, PositionReach)).Any(t => position.Contains(t.Text)))
            {
                return true;
            }
        }

        return false;
    }

    private FactSource SourceOf(NewsItem item) => new(kit.Texts.Format("news_source", DutchFormat.Date(item.Date)), item.Title, item.Source);

    private Reply Reply(Query query, string lead, List<Fact> facts, IReadOnlyList<NewsItem> items) => new()
    {
        Intent = Intent,
        Title = kit.Texts["news_title"],
        Lead = lead,
        Items = facts,
        Sources = [.. items.Select(SourceOf)],
        Suggestions = kit.DefaultSuggestions(),
        Context = kit.ContextOf(query, Intent),
    };

    /// <summary>No news item about it: said plainly, with the newest items the bot can tell about.</summary>
    private Reply None(Query query)
    {
        var newest = kit.Model.News.Where(n => n.Date <= query.Today).OrderByDescending(n => n.Date).Take(NewestOffered).ToList();
        return kit.NotFound(query, Intent, kit.Texts[newest.Count > 0 ? "news_none" : "news_none_at_all"]) with
        {
            Items = [.. newest.Select(n => new Fact(kit.Texts.Format("news_line", DutchFormat.Date(n.Date), n.Title), SourceOf(n)))],
            Sources = [.. newest.Select(SourceOf)],
        };
    }
}
