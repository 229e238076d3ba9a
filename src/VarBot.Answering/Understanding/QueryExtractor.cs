using System.Globalization;
using VarBot.Answering.Analysis;
using VarBot.Answering.Indexes;
using VarBot.Answering.Vocabulary;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Understanding;

/// <summary>Extract stage: reads a typed <see cref="Query"/> from an analysed question, with the vocabulary and the model's names.</summary>
internal sealed class QueryExtractor(KnowledgeIndex index)
{
    private const int MaxQuestionLength = 1000;
    /// <summary>A question of at most this many words made of comparison words ("wat is het verschil?") compares what was just answered.</summary>
    private const int ShortCompare = 4;
    /// <summary>How far from a year a table word (begroting, jaarrekening) still names that year's table.</summary>
    private const int KindReach = 3;
    private readonly Words _words = index.Words;
    private readonly TimeResolver _time = new(index.Words, index.DayWordsInNames);

    public Query Extract(string raw, DateOnly today) => Extract(raw, today, english: false);

    private Query Extract(string raw, DateOnly today, bool english)
    {
        raw ??= "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new Query { Text = new AnalysedText(raw, []), Today = today, Signals = Signals.Empty };
        }

        if (raw.Length > MaxQuestionLength)
        {
            return new Query { Text = new AnalysedText(raw, []), Today = today, Signals = Signals.TooLong };
        }

        var text = index.Analyzer.Question(System.Text.RegularExpressions.Regex.Replace(raw, "<[^>]{0,200}>", " "));
        var tokens = text.Tokens;
        if (!tokens.Any(t => t.Text.Any(char.IsLetter)) && !tokens.Any(t => t.IsYear))
        {
            return new Query { Text = text, Today = today, Signals = Signals.NoWords };
        }

        var signals = Signals.None;
        var lang = _words.Language;
        if (tokens.Count(t => lang.SqlWords.Contains(t.Text)) >= 2 && raw.IndexOfAny([';', '*', '=']) >= 0)
        {
            return new Query { Text = text, Today = today, Signals = Signals.Code };
        }

        if (LooksEnglish(tokens))
        {
            // "What was the total budget for 2024 in the begroting?": the reports' own Dutch terms say the asker reads them;
            // the question is read in Dutch. Any other English question gets the reply asking for Dutch.
            return english || ReadInDutch(raw) is not { } dutch ? new Query { Text = text, Today = today, Signals = Signals.English } : Extract(dutch, today, english: true);
        }

        if (SmallTalkOf(text) is { } smallTalk)
        {
            return new Query { Text = text, Today = today, Signals = Signals.SmallTalk, SmallTalk = smallTalk };
        }

        // "Hallo, wanneer is het volgende Leerhuis? Alvast bedankt": the courtesy around a question is not part of it.
        text = WithoutCourtesy(text);
        tokens = text.Tokens;
        var consumed = new bool[tokens.Count];

        if (IsMore(text))
        {
            signals |= Signals.More;
        }

        // Time
        var when = _time.Resolve(text, today, consumed);
        if (when.Years.Count > 0)
        {
            signals |= Signals.Year;
        }

        if (when.Years.Count >= 2)
        {
            signals |= Signals.TwoYears;
        }

        if (when.YearShift is not null)
        {
            // "dat jaar", "het jaar daarna": a year counted from the previous answer's.
            signals |= Signals.BackReference;
        }

        if (when.Range is not null)
        {
            signals |= Signals.Period;
        }

        if (when.Now)
        {
            signals |= Signals.Now;
        }

        if (when.DayWord is not null || when.Range is { IsDay: true })
        {
            signals |= Signals.RelativeDay;
        }

        var time_ = _words.Time;
        // "mijn eerste Leerhuis": the phrase's words ask no first of a year.
        var nextPhrase = ConsumeAny(tokens, time_.NextPhrases, consumed);

        var set = tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var free = tokens.Where((t, i) => !consumed[i]).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        // "op welke strategische agenda staat ...": an agenda word that names a document asks no meeting.
        var agendaWords = _words.Events.AgendaWords;
        var agendaAt = (int i) => agendaWords.Contains(tokens[i].Text) && !(i > 0 && _words.Events.DocumentAgendaWords.Contains(tokens[i - 1].Text));
        var agendaAny = Enumerable.Range(0, tokens.Count).Any(agendaAt);
        var agendaFree = Enumerable.Range(0, tokens.Count).Any(i => !consumed[i] && agendaAt(i));
        if (nextPhrase || time_.NextWords.Overlaps(free))
        {
            signals |= Signals.Next;
        }

        if (time_.PreviousWordsEvent.Overlaps(free))
        {
            signals |= Signals.Previous;
        }

        if (time_.AfterWords.Overlaps(free))
        {
            signals |= Signals.After;
        }

        if (time_.BeforeWords.Overlaps(free))
        {
            signals |= Signals.Before;
        }

        if (time_.FirstWords.Overlaps(free))
        {
            signals |= Signals.First;
        }

        if (time_.LastWords.Overlaps(free))
        {
            signals |= Signals.Last;
        }

        int? ordinal = null;
        foreach (var t in tokens)
        {
            if (lang.Ordinals.TryGetValue(t.Text, out var n) && n > 1)
            {
                ordinal = n;
                signals |= Signals.Ordinal;
            }
        }

        // Question words
        if (lang.WhenWords.Overlaps(set))
        {
            signals |= Signals.When;
        }

        if (lang.WhereWords.Overlaps(set))
        {
            signals |= Signals.Where;
        }

        if (lang.WhoWords.Overlaps(set))
        {
            signals |= Signals.Who;
        }

        if (lang.PayingWords.Overlaps(set) && (lang.WhoWords.Overlaps(set) || lang.PayerStarts.Contains(tokens[0].Text)))
        {
            signals |= Signals.Payer;
        }

        if (ConsumeAny(tokens, lang.WhoPhrases, consumed))
        {
            // "hoe heet ...": asks a name; the phrase's words are not what the name is about.
            signals |= Signals.Who;
        }

        if (lang.WhyWords.Overlaps(set))
        {
            signals |= Signals.Why;
        }

        // "hoe ver kwam ...": the phrase's words ask the outcome, they are not what it is about.
        if (ConsumeAny(tokens, lang.OutcomePhrases, consumed) || lang.OutcomeWords.Overlaps(set))
        {
            signals |= Signals.Outcome;
        }

        if (lang.CountWords.Any(text.HasPhrase))
        {
            signals |= Signals.Count;
        }

        if (lang.DurationWords.Any(text.HasPhrase))
        {
            signals |= Signals.Duration;
        }

        if (tokens.Count > 1 && lang.YesNoStarts.Contains(tokens[0].Text))
        {
            signals |= Signals.YesNo;
        }

        if (lang.PastWords.Overlaps(set))
        {
            signals |= Signals.Past;
        }

        // Events
        var eventTypes = new List<EventType>();
        string? titleSeason;
        var seasons = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var (type, typeWords) in _words.Events.EventTypes)
            {
                if (typeWords.Contains(tokens[i].Text) && Enum.TryParse<EventType>(type, out var eventType) && !eventTypes.Contains(eventType))
                {
                    eventTypes.Add(eventType);
                    if (i > 0 && _words.Conversation.EventReferences.Contains(tokens[i - 1].Text))
                    {
                        signals |= Signals.EventReference;
                    }
                }
            }

            foreach (var (season, titles) in _words.Events.SeasonTitles)
            {
                if (titles.Contains(tokens[i].Text) && !consumed[i])
                {
                    seasons.Add(season);
                }
            }
        }

        // "de voorjaars- en najaarscarrousel" asks both: a season narrows only when it is the one named.
        titleSeason = seasons.Count == 1 ? seasons.First() : null;

        if (eventTypes.Count > 0)
        {
            signals |= Signals.EventType;
        }

        if (agendaFree)
        {
            signals |= Signals.Agenda;
        }

        if (_words.Events.DetailWords.Overlaps(free) || eventTypes.Count > 0 && _words.Events.FacetWords.Overlaps(free))
        {
            signals |= Signals.EventDetail;
        }

        if (_words.Events.TimeOfDayWords.Overlaps(free))
        {
            signals |= Signals.TimeOfDay;
        }

        if (_words.Events.PluralWords.Overlaps(set))
        {
            signals |= Signals.Plural;
        }

        if (_words.Events.ThemeAskedWords.Overlaps(free) || _words.Events.ThemeAskedPairs.Exists(p => p.Count == 2 && tokens.Count > 1
            && (tokens[0].Text == p[0] || tokens.Count > 2 && _words.Conversation.FollowUpStarts.Contains(tokens[0].Text) && tokens[1].Text == p[0])
            && (p[1].Length == 0 || free.Contains(p[1]))))
        {
            signals |= Signals.ThemeAsked;
        }

        // Theme: the longest phrase wins.
        string? themeId = null;
        string? formerId = null;
        foreach (var phrase in index.ThemePhrases)
        {
            var at = FindPhrase(tokens, phrase.Tokens);
            if (at >= 0)
            {
                themeId = phrase.Theme.Id;
                formerId = phrase.Former?.Id;
                for (var k = at; k < at + phrase.Tokens.Length; k++)
                {
                    consumed[k] = true;
                }

                signals |= Signals.Theme;
                break;
            }
        }

        if (_words.Themes.ThemeListWords.Overlaps(set))
        {
            signals |= Signals.ThemeList;
        }

        if (_words.Themes.DoneWords.Overlaps(set))
        {
            signals |= Signals.Done;
        }

        if (_words.Themes.PlannedWords.Overlaps(set))
        {
            signals |= Signals.Planned;
        }

        // Budget
        var budget = _words.Budget;
        var lineKeys = new List<string>();
        var negated = new List<string>();
        var negate = false;
        var include = false;
        var included = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (budget.NegationWords.Contains(word))
            {
                negate = true;
                continue;
            }

            if (NegationPhraseBeforeLine(tokens, i) is > 0 and var phraseLength)
            {
                // "de inwonerbijdrage, los van mensenhandel": the line right after the phrase is left out.
                negate = true;
                i += phraseLength - 1;
                continue;
            }

            if (budget.InclusionWords.Contains(word))
            {
                // "het budget inclusief de doorlopende projecten": the lines after it are part of the total asked.
                include = true;
                included = true;
                continue;
            }

            if (!consumed[i] || themeId is not null)
            {
                if (index.LineKeyByWord.TryGetValue(word, out var key))
                {
                    if (include)
                    {
                        continue;
                    }

                    (negate ? negated : lineKeys).Add(key);
                    // "zonder de doorlopende projecten": the negation covers the words of one line name.
                    negate = negate && i + 1 < tokens.Count && index.LineKeyByWord.ContainsKey(tokens[i + 1].Text);
                }
            }
        }

        lineKeys = lineKeys.Distinct().Where(k => !negated.Contains(k)).ToList();
        var strongMoney = tokens.Select((t, i) => (t.Text, i)).Any(x => budget.MoneyWords.Contains(x.Text) && !budget.WeakMoneyWords.Contains(x.Text) && !InIdiom(x.Text, x.i));
        // "hoeveel ging er naar monitoring?", "wat ging er naar monitoring?" ask money; "naar welk niveau moeten gemeenten
        // toewerken?" does not.
        var asksAmount = _words.Language.CountWords.Any(set.Contains)
            || tokens.Count > 1 && budget.AmountOpenings.Contains(tokens[0].Text) && budget.WeakMoneyWords.Contains(tokens[1].Text);
        var weakMoney = tokens.Select((t, i) => (t.Text, i)).Any(x => budget.WeakMoneyWords.Contains(x.Text) && !InIdiom(x.Text, x.i)
            && (asksAmount || !budget.AmountOnlyMoneyWords.Contains(x.Text)));
        // "Hoeveel meldingen van mensenhandel kwamen er binnen?": a count of something that is not money is no money
        // question, however much the other words sound like a budget line.
        var countsOther = CountNoun(tokens) is { Count: > 0 } counted && counted.All(w => !MoneyVocabulary().Contains(w) && !index.LineKeyByWord.ContainsKey(w));
        // "Hoeveel kreeg de VAR in 2020 voor de Week van de Veiligheid?": two or more content words that together name one
        // budget line's label make a weak money word a money question, as a line's key word does.
        var namesLabel = weakMoney && lineKeys.Count == 0 && NamesOneLabel(tokens, consumed);
        // "Hoeveel dragen de gemeenten bij voor de regionale aanpak van mensenhandel?": an amount a payer gives is money,
        // whatever the words of what it is given for ("aanpak").
        var payerAmount = weakMoney && asksAmount && budget.PayerWords.Overlaps(set) && CountNoun(tokens).Count == 0;
        if (strongMoney || (weakMoney && (lineKeys.Count > 0 || namesLabel) && (!budget.NotMoneyWith.Overlaps(set) || payerAmount) && !countsOther))
        {
            signals |= Signals.Money;
        }

        // "Aan welk perspectief werd extra aandacht besteed?": the money word is part of an idiom.
        bool InIdiom(string word, int at) => budget.MoneyIdioms.TryGetValue(word, out var partners)
            && tokens.Skip(Math.Max(0, at - 3)).Take(7).Any(t => partners.Contains(t.Text));

        if (lineKeys.Count > 0)
        {
            signals |= Signals.BudgetLine;
        }

        var jaarrekening = budget.JaarrekeningWords.Overlaps(set) || budget.PerfectParticiples.Overlaps(set) && budget.PerfectAuxiliaries.Overlaps(set);
        var begroting = budget.BegrotingWords.Overlaps(set);
        BudgetKind? kind = jaarrekening && !begroting ? BudgetKind.Jaarrekening : begroting && !jaarrekening ? BudgetKind.Begroting : null;
        var bothKinds = jaarrekening && begroting;
        // "van de jaarrekening 2023 naar de begroting 2024": each year on the table named just before it.
        Dictionary<int, BudgetKind>? kindByYear = null;
        if (bothKinds && when.Years.Count == 2)
        {
            var byYear = new Dictionary<int, BudgetKind>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!tokens[i].IsYear || !int.TryParse(tokens[i].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !when.Years.Contains(year))
                {
                    continue;
                }

                for (var j = i - 1; j >= Math.Max(0, i - KindReach) && !tokens[j].IsYear; j--)
                {
                    if (KindOf(tokens[j].Text) is { } found)
                    {
                        byYear.TryAdd(year, found);
                        break;
                    }
                }

                // "hoeveel was er voor 2021 aan personeel begroot, en ... wat er in 2020 daadwerkelijk werd uitgegeven": a year
                // without a table word before it takes the one just after it, within its own words (up to the next year).
                for (var j = i + 1; !byYear.ContainsKey(year) && j < Math.Min(tokens.Count, i + 1 + KindReach) && !tokens[j].IsYear; j++)
                {
                    if (KindOf(tokens[j].Text) is { } found)
                    {
                        byYear.TryAdd(year, found);
                    }
                }
            }

            kindByYear = byYear.Count == 2 && byYear.Values.Distinct().Count() == 2 ? byYear : null;
        }

        BudgetKind? KindOf(string word) =>
            budget.JaarrekeningWords.Contains(word) ? BudgetKind.Jaarrekening : budget.BegrotingWords.Contains(word) ? BudgetKind.Begroting : null;

        BudgetSide? side = budget.ExpenseWords.Overlaps(set) ? BudgetSide.Expense : budget.IncomeWords.Overlaps(set) ? BudgetSide.Income : null;
        if (budget.CompareWords.Overlaps(set) || budget.ComparePhrases.Any(p => text.HasPhrase(TextNormalizer.Normalize(p).Trim())))
        {
            signals |= Signals.Compare;
        }

        if (budget.BreakdownWords.Overlaps(set))
        {
            signals |= Signals.Breakdown;
        }

        if (budget.ShareWords.Overlaps(set))
        {
            signals |= Signals.Share;
        }

        if (budget.SubtotalWords.Overlaps(set))
        {
            signals |= Signals.Subtotal;
        }

        if (budget.TotalWords.Overlaps(set) || included)
        {
            signals |= Signals.Total;
        }

        // Organisation
        var org = _words.Organisation;
        OrganisationFactKind? role = null;
        // "hoeveel daarvan was inwonerbijdrage van de gemeenten?": in a money question a word of the asked line names the
        // line, not the organisation's members.
        var roleFree = (signals & Signals.Money) != Signals.None && lineKeys.Count > 0
            ? free.Where(w => !(index.LineKeyByWord.TryGetValue(w, out var lineKey) && lineKeys.Contains(lineKey))).ToHashSet(StringComparer.Ordinal)
            : free;
        foreach (var (kindName, roleWords) in org.Roles)
        {
            if (roleFree.Overlaps(roleWords) && Enum.TryParse<OrganisationFactKind>(kindName, out var roleKind))
            {
                if (role == OrganisationFactKind.ViceChair && roleKind == OrganisationFactKind.Chair)
                {
                    continue;
                }

                role = role is null || roleKind == OrganisationFactKind.ViceChair ? roleKind : role;
            }
        }

        if (role is not null)
        {
            signals |= Signals.Role;
        }

        // "Wie waren voorzitter en vicevoorzitter?": each person's role, in the order asked.
        var apart = role is null ? [] : RolesNamedApart(tokens).Where(r => org.PersonRoles.Contains(r.ToString())).ToList();
        List<OrganisationFactKind> otherRoles = [];
        if (apart.Count > 1 && apart.Contains(role!.Value))
        {
            role = apart[0];
            otherRoles = apart.Skip(1).ToList();
        }

        string? other = null;
        for (var i = 0; i < tokens.Count && other is null; i++)
        {
            foreach (var (name, names) in OtherOrganisationNames())
            {
                // A name of several words ("Zorg- en Veiligheidshuis", "politie-eenheid") starts at its first word: the
                // words before that decide whether the organisation owns or receives what is asked.
                var length = 0;
                foreach (var n in names)
                {
                    length = n.Length > length && TextNormalizer.PhraseAt(tokens, i, n) ? n.Length : length;
                }

                if (length == 0)
                {
                    continue;
                }

                var last = i + length - 1;
                // "van welke gemeente is hij burgemeester": a "welke" before the name asks which one; it owns nothing.
                if (Enumerable.Range(Math.Max(0, i - 2), Math.Min(2, i)).Any(j => org.OwnershipWords.Contains(tokens[j].Text))
                    && !(i > 0 && lang.WhichWords.Contains(tokens[i - 1].Text))
                    || i > 0 && org.OwnerNouns.Contains(tokens[i - 1].Text) && !(last + 1 < tokens.Count && index.LineKeyByWord.ContainsKey(tokens[last + 1].Text)))
                {
                    other = name;
                    signals |= Signals.OtherOrg;
                    break;
                }

                // "Hoeveel betalen de gemeenten aan het Zorg- en Veiligheidshuis?": the other organisation receives it.
                // Up to four words before the name ("aan het Zorg- en Veiligheidshuis"), none of them naming a budget line,
                // and the name not the first part of a line's name ("aan NCTV-versterkingsgelden" asks the VAR's line).
                if (!(last + 1 < tokens.Count && index.LineKeyByWord.ContainsKey(tokens[last + 1].Text))
                    && Enumerable.Range(Math.Max(0, i - 4), Math.Min(4, i)).Any(j => org.RecipientWords.Contains(tokens[j].Text)
                    && Enumerable.Range(j + 1, i - j - 1).All(k => !index.LineKeyByWord.ContainsKey(tokens[k].Text))))
                {
                    other = name;
                    signals |= Signals.OtherOrg | Signals.OtherRecipient;
                    break;
                }
            }
        }

        if (index.People.Any(p => p.Name.Length >= 2 && p.Name.All(set.Contains)))
        {
            signals |= Signals.PersonName;
        }

        signals |= PersonOrder(tokens);

        if (org.PersonRoleWords.Overlaps((IEnumerable<string>)set) && index.People.Any(p => p.Fact.Detail is { } detail
            && TextNormalizer.Tokens(detail).Where(t => !org.PersonRoleWords.Contains(t)).Any(set.Contains)))
        {
            signals |= Signals.PersonDetail;
        }

        // "en met wie worden die gesprekken gevoerd?": a passive about something just answered ("die gesprekken") asks no
        // future office holder; that needs a role, a person's title or a person ("wie volgt hem op").
        var pointsBack = _words.Conversation.BackReferences.Overlaps(set) && role is null && !org.PersonRoleWords.Overlaps(set)
            && !_words.Conversation.PersonReferences.Overlaps(set);
        if ((signals & Signals.Who) != Signals.None && org.FuturePersonWords.Overlaps(set) && eventTypes.Count == 0 && !pointsBack)
        {
            signals |= Signals.FuturePerson;
        }

        // Monitoring
        MonitoringKind? monitoring = null;
        foreach (var (kindName, kindWords) in _words.Monitoring.Kinds)
        {
            if (kindWords.Any(w => text.HasPhrase(w)) && Enum.TryParse<MonitoringKind>(kindName, out var monitoringKind))
            {
                monitoring ??= monitoringKind;
            }
        }

        if (monitoring is not null)
        {
            signals |= Signals.Monitoring;
        }

        if (_words.News.ItemWords.Overlaps(set))
        {
            signals |= Signals.News;
        }

        // Conversation
        var conversation = _words.Conversation;
        if (tokens.Count > 0 && conversation.FollowUpStarts.Contains(tokens[0].Text))
        {
            signals |= Signals.FollowUpStart;
        }

        if (conversation.BackReferences.Overlaps(set))
        {
            signals |= Signals.BackReference;
        }

        // "onder welke groepen?", "en met wie?": a preposition and a question word open an elliptic question about a
        // detail of what was just answered.
        var detailAt = tokens.Count > 0 && conversation.FollowUpStarts.Contains(tokens[0].Text) ? 1 : 0;
        if (tokens.Count > detailAt + 1 && lang.PartPrepositions.Contains(tokens[detailAt].Text) && lang.PartQuestionWords.Contains(tokens[detailAt + 1].Text))
        {
            signals |= Signals.DetailStart;
        }

        // "hij", and "die burgemeester": a pointing word before a person's title points to the person just answered.
        if (conversation.PersonReferences.Overlaps(set)
            || Enumerable.Range(1, Math.Max(0, tokens.Count - 1)).Any(i => conversation.BackReferences.Contains(tokens[i - 1].Text) && org.PersonRoleWords.Contains(tokens[i].Text)))
        {
            signals |= Signals.PersonReference;
        }

        if (conversation.TimeReferences.Overlaps(set))
        {
            signals |= Signals.TimeReference;
        }

        // Content words for search, and what they say about the question.
        var terms = new List<Token>();
        // "Op welke vijf thema's is de VAR actief?": a number word before a list word counts the list asked; it names no subject.
        var listCounts = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i + 1 < tokens.Count && lang.Numbers.ContainsKey(t.Text) && _words.Themes.ThemeListWords.Contains(tokens[i + 1].Text))
            {
                listCounts.Add(t);
            }
            if (t.IsStopword || t.IsYear || (consumed[i] && themeId is null) || lang.WhenWords.Contains(t.Text) || conversation.FollowUpStarts.Contains(t.Text) && i == 0)
            {
                continue;
            }

            if (consumed[i] && !IsThemeToken(i, tokens, themeId))
            {
                continue;
            }

            terms.Add(t);
        }

        var generic = Generic();
        var moneyWords = MoneyVocabulary();
        // "wat heeft de VAR over femicide?": a theme word that names one topic of the theme is what is asked about, when the
        // reports write it (else the theme's overview is the nearest answer: "loverboys").
        var specific = terms.Where(t => !generic.Contains(t.Text) && !t.IsNumber && !listCounts.Contains(t) && (!IsThemeWord(t.Text, themeId) || IsWrittenSubtopic(t))
            && !((signals & Signals.Money) != Signals.None && moneyWords.Contains(t.Text) && !index.LineKeyByWord.ContainsKey(t.Text))).ToList();
        if (specific.Count > 0 && specific.TrueForAll(t => _words.Budget.CompareWords.Contains(t.Text) || _words.Budget.CompareFillers.Contains(t.Text))
            && _words.Budget.CompareWords.Overlaps(set) && (_words.Conversation.BackReferences.Overlaps(set) || tokens.Count <= ShortCompare)
            || specific.Count > 0 && specific.TrueForAll(t => _words.Budget.JaarrekeningWords.Contains(t.Text) || _words.Budget.CompareFillers.Contains(t.Text))
            || specific.Count > 0 && specific.TrueForAll(t => _words.Budget.TogetherWords.Contains(t.Text)) && _words.Conversation.BackReferences.Overlaps(set))
        {
            // "wat is het uiteindelijk geworden?": the side of what was just answered (the jaarrekening), no topic of its own.
            // "hoeveel is dat gestegen?", "hoeveel was dat samen?", "wat is het verschil?": about what was just answered, no
            // topic of its own.
            specific.Clear();
        }

        if (specific.Count > 0)
        {
            signals |= Signals.Content;
        }

        if (themeId is not null && specific.Count == 0)
        {
            signals |= Signals.Activity;
        }

        if (specific.Any(t => index.EventNameStems.Contains(t.Stem)) && (eventTypes.Count > 0 || agendaAny))
        {
            signals |= Signals.EventNamed;
        }

        if (eventTypes.Count > 0 && themeId is not null && specific.Count == 0)
        {
            signals |= Signals.EventNamed;
        }

        var moneyVocabulary = MoneyVocabulary();
        if ((signals & Signals.Money) != Signals.None && terms.All(t => moneyVocabulary.Contains(t.Text) || t.IsNumber || generic.Contains(t.Text) && !_words.Themes.ActivityWords.Contains(t.Text)
            // "inwonersbijdrage voor mensenhandel" names a line; "inwonersbijdrage voor Burgernet" a theme no line names.
            || IsThemeWord(t.Text, themeId) && lineKeys.Count > 0 && index.ThemeHasBudgetLine(themeId!)))
        {
            signals |= Signals.MoneyOnly;
        }

        if (role is null && other is null && org.WhoAboutOwnName is { } members && lang.WhoWords.Overlaps(set) && lang.OwnNames.Overlaps(set)
            && terms.All(t => org.MembershipWords.Contains(t.Text) || lang.WhoWords.Contains(t.Text) || lang.OwnNames.Contains(t.Text)))
        {
            // "Wie zitten er allemaal in de VAR?": who the organisation itself consists of.
            role = members;
            signals |= Signals.Role;
        }

        if (role is not null && terms.All(t => org.Roles.Values.Any(v => v.Contains(t.Text)) || org.FillerWords.Contains(t.Text) || lang.SourceWords.Contains(t.Text) || t.IsNumber
            || lang.CountWords.Contains(t.Text) || lang.WhoWords.Contains(t.Text) || conversation.BackReferences.Contains(t.Text) || conversation.TimeReferences.Contains(t.Text)
            // "Wie stond er naast Heijkoop als vicevoorzitter?": a holder's name only places the role asked.
            || lang.WhoWords.Overlaps(set) && index.People.Any(p => p.Name.Contains(t.Text))))
        {
            signals |= Signals.RoleOnly;
        }

        var subject = DefinitionSubject(tokens, (signals & Signals.Theme) != Signals.None);
        if (subject.Count == 0)
        {
            subject = PointedDefinitionSubject(text.Raw);
        }

        if (subject.Count > 0)
        {
            signals |= Signals.Definition;
        }

        var countNoun = CountNoun(tokens);
        if (countNoun.Count > 0 && _words.Events.EventTypes.Values.Any(v => v.Contains(countNoun[0])))
        {
            signals |= Signals.CountEvents;
        }

        return new Query
        {
            Text = text,
            Today = today,
            Signals = signals,
            Years = when.Years,
            Range = when.Range,
            RangeYearImplied = when.Range is not null && when.MonthWithoutYear,
            DayWord = when.DayWord,
            YearShift = when.YearShift,
            YearSpan = when.Span,
            Ordinal = ordinal,
            EventTypes = eventTypes,
            TitleSeason = titleSeason,
            ThemeId = themeId,
            FormerThemeId = formerId,
            LineKeys = lineKeys,
            NegatedLineKeys = negated,
            IncludesLines = included,
            Kind = kind,
            KindByYear = kindByYear,
            BothKinds = bothKinds,
            KindNamed = kind is not null,
            Side = side,
            Role = role,
            OtherRoles = otherRoles,
            OtherOrganisation = other,
            Monitoring = monitoring,
            Terms = terms,
            CountNoun = countNoun,
            Subject = subject,
        };
    }

    private List<(string Name, List<string[]> Names)>? _otherOrganisations;

    /// <summary>The other organisations' names as token phrases ("zorg en veiligheidshuis" is three words).</summary>
    private List<(string Name, List<string[]> Names)> OtherOrganisationNames() => _otherOrganisations ??= _words.Organisation.OtherOrganisations
        .Select(kv => (kv.Key, kv.Value.Select(TextNormalizer.PhraseTokens).Where(p => p.Length > 0).ToList())).ToList();

    /// <summary>True when the question's content words (two or more) all stand in the label of one budget line.</summary>
    private bool NamesOneLabel(IReadOnlyList<Token> tokens, bool[] consumed)
    {
        var budget = _words.Budget;
        var generic = Generic();
        var stems = tokens.Where((t, i) => !consumed[i] && !t.IsStopword && !t.IsNumber && !generic.Contains(t.Text) && !budget.MoneyWords.Contains(t.Text)
                && !budget.WeakMoneyWords.Contains(t.Text) && !budget.JaarrekeningWords.Contains(t.Text) && !budget.BegrotingWords.Contains(t.Text)
                && !budget.IncomeWords.Contains(t.Text) && !budget.ExpenseWords.Contains(t.Text))
            .Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        return stems.Count >= 2 && index.Budgets.Any(b => b.Lines.Any(l => stems.IsSubsetOf(l.LabelStems)));
    }

    private HashSet<string>? _generic;

    /// <summary>Words that say what kind of answer is wanted, not what it is about.</summary>
    public HashSet<string> Generic() => _generic ??= [.. _words.Themes.ActivityWords, .. _words.Themes.ThemeListWords, .. _words.Themes.DoneWords,
        .. _words.Themes.PlannedWords, .. _words.Events.AgendaWords, .. _words.Events.DetailWords, .. _words.Language.CountWords.SelectMany(w => TextNormalizer.Tokens(w)),
        .. _words.Language.WhereWords, .. _words.Language.WhoWords, .. _words.Language.PastWords, .. _words.Language.YesNoStarts,
        .. _words.Time.NextWords, .. _words.Time.AfterWords, .. _words.Time.PreviousWordsEvent, .. _words.Time.FirstWords, .. _words.Time.LastWords,
        .. _words.Language.Ordinals.Keys, .. _words.Conversation.BackReferences, .. _words.Conversation.MoreWords,
        .. _words.Events.EventTypes.Values.SelectMany(v => v), .. _words.Language.Months, .. _words.Language.SourceWords];

    private HashSet<string>? _money;

    private HashSet<string> MoneyVocabulary() => _money ??= [.. _words.Budget.MoneyWords, .. _words.Budget.WeakMoneyWords, .. _words.Budget.JaarrekeningWords, .. _words.Budget.BegrotingWords,
        .. _words.Budget.ExpenseWords, .. _words.Budget.IncomeWords, .. _words.Budget.TotalWords, .. _words.Budget.BreakdownWords,
        .. _words.Budget.CompareWords, .. _words.Budget.CompareFillers, .. _words.Budget.ShareWords, .. _words.Budget.NegationWords, .. _words.Budget.PayerWords, .. _words.Budget.TogetherWords,
        .. _words.Budget.Lines.SelectMany(l => l.Words), .. index.BudgetLabelWords, .. _words.Language.CountWords, .. _words.Language.WhyWords];

    private bool IsThemeWord(string word, string? themeId) =>
        themeId is not null && index.ThemePhrases.Any(p => p.Theme.Id == themeId && p.Tokens.Contains(word));

    private bool IsWrittenSubtopic(Token t) => _words.Themes.SubtopicWords.Contains(t.Text) && index.Search is { } search && search.Frequency(t.Stem) > 0;

    private bool IsThemeToken(int i, IReadOnlyList<Token> tokens, string? themeId) => themeId is not null && IsThemeWord(tokens[i].Text, themeId);

    /// <summary>
    /// The roles whose words stand on their own: in "voorzitter en vice-voorzitter" the first "voorzitter" names the chair,
    /// the second belongs to the vice-chair word before it.
    /// </summary>
    private List<OrganisationFactKind> RolesNamedApart(IReadOnlyList<Token> tokens)
    {
        var roles = new List<OrganisationFactKind>();
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var (kindName, roleWords) in _words.Organisation.Roles)
            {
                var modified = i > 0 && _words.Organisation.Roles.Any(r => r.Key != kindName && r.Value.Contains(tokens[i - 1].Text));
                if (roleWords.Contains(tokens[i].Text) && !modified && Enum.TryParse<OrganisationFactKind>(kindName, out var kind) && !roles.Contains(kind))
                {
                    roles.Add(kind);
                }
            }
        }

        return roles;
    }

    /// <summary>Marks the words of every phrase found as consumed; true when one was found.</summary>
    /// <summary>
    /// The length of a negation phrase ("los van") that starts at <paramref name="at"/> and has a budget line's word within
    /// two words after it; 0 otherwise ("los van het vorige" leaves no line out).
    /// </summary>
    private int NegationPhraseBeforeLine(IReadOnlyList<Token> tokens, int at)
    {
        foreach (var phrase in _words.Budget.NegationPhrases)
        {
            var words = TextNormalizer.PhraseTokens(phrase);
            if (!TextNormalizer.PhraseAt(tokens, at, words))
            {
                continue;
            }

            for (var k = at + words.Length; k < tokens.Count && k < at + words.Length + 2; k++)
            {
                if (index.LineKeyByWord.ContainsKey(tokens[k].Text))
                {
                    return words.Length;
                }
            }
        }

        return 0;
    }

    private static bool ConsumeAny(IReadOnlyList<Token> tokens, IEnumerable<string> phrases, bool[] consumed)
    {
        var found = false;
        foreach (var phrase in phrases)
        {
            var words = TextNormalizer.PhraseTokens(phrase);
            var at = FindPhrase(tokens, words);
            if (at < 0)
            {
                continue;
            }

            found = true;
            for (var k = at; k < at + words.Length; k++)
            {
                consumed[k] = true;
            }
        }

        return found;
    }

    private static int FindPhrase(IReadOnlyList<Token> tokens, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Count; i++)
        {
            var match = true;
            for (var k = 0; k < phrase.Length && match; k++)
            {
                match = tokens[i + k].Text == phrase[k];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// "En Burgernet, wat is dat eigenlijk?": the one to three words put before a definition start that asks about them
    /// with only a word pointing back ("dat", "dit", "het") and fillers after it; none when anything else follows. Only for
    /// a question that names a theme, whose definition the themes give; another fronted name is searched as before.
    /// </summary>
    private List<string> FrontedDefinitionSubject(IReadOnlyList<Token> tokens, int skip)
    {
        var lang = _words.Language;
        var conversation = _words.Conversation;
        foreach (var phrase in lang.DefinitionStarts)
        {
            var p = TextNormalizer.PhraseTokens(phrase);
            for (var k = skip + 1; k + p.Length < tokens.Count; k++)
            {
                if (!p.Select((w, i) => tokens[k + i].Text == w).All(x => x))
                {
                    continue;
                }

                var after = tokens.Skip(k + p.Length).ToList();
                var pointsBack = after.Count > 0 && (conversation.EventReferences.Contains(after[0].Text) || conversation.ClosingReferences.Contains(after[0].Text))
                    && after.Skip(1).All(t => lang.DefinitionFillers.Contains(t.Text));
                var before = tokens.Skip(skip).Take(k - skip).ToList();
                if (pointsBack && before.Count is >= 1 and <= 3 && before.TrueForAll(t => !t.IsStopword && !t.IsYear && !t.IsNumber))
                {
                    return before.Select(t => t.Text).ToList();
                }
            }
        }

        return [];
    }

    /// <summary>"Wat is de Veiligheidsmonitor eigenlijk?": the one to three words asked about, or none for another question.</summary>
    private List<string> DefinitionSubject(IReadOnlyList<Token> tokens, bool themed)
    {
        var lang = _words.Language;
        // "En wat doet de VAR eigenlijk?": a follow-up's first word does not change what is asked.
        var skip = tokens.Count > 0 && _words.Conversation.FollowUpStarts.Contains(tokens[0].Text) ? 1 : 0;
        var start = lang.DefinitionStarts.Select(TextNormalizer.PhraseTokens)
            .FirstOrDefault(p => p.Length + skip <= tokens.Count && p.Select((w, i) => tokens[i + skip].Text == w).All(x => x));
        if (start is null)
        {
            return themed ? FrontedDefinitionSubject(tokens, skip) : [];
        }

        var after = tokens.Skip(skip + start.Length).ToList();
        // "Wat is de Veiligheidsmonitor eigenlijk voor onderzoek?": a bare noun after "voor" at the end says what kind of
        // thing it is ("voor de gemeenten" names whom it is for).
        var kind = after.FindIndex(t => lang.DefinitionKindWords.Contains(t.Text));
        if (kind > 0 && kind == after.Count - 2 && !after[^1].IsStopword && after.Take(kind).Any(t => !t.IsStopword && !lang.DefinitionFillers.Contains(t.Text)))
        {
            after = after.Take(kind).ToList();
        }

        var rest = after.Where(t => (!t.IsStopword || lang.OwnNames.Contains(t.Text)) && !lang.DefinitionFillers.Contains(t.Text)).ToList();
        var own = lang.OwnDefinitionStarts.Any(p => TextNormalizer.PhraseTokens(p).SequenceEqual(start));
        if (own && !rest.TrueForAll(t => lang.OwnNames.Contains(t.Text)))
        {
            return [];
        }

        if (rest.Count >= 2 && index.Acronyms.TryGetValue(rest[^1].Text, out var acronym) && rest[..^1].TrueForAll(t => acronym.Definition.Words.Contains(t.Text)))
        {
            // "Wat is de Group Violence Intervention (GVI)?": the acronym after the name repeats it.
            rest.RemoveAt(rest.Count - 1);
        }

        // "wat is het verschil?" after two figures compares them; it defines nothing.
        return rest.Count is >= 1 and <= 3 && rest.All(t => !t.IsYear && !t.IsNumber) && !rest.TrueForAll(t => _words.Budget.CompareWords.Contains(t.Text))
            ? rest.Select(t => t.Text).ToList() : [];
    }

    /// <summary>
    /// "In de pilot ging het over Niet-Pluissignalen. Wat zijn dat?": a closing question that only asks what something is
    /// and points back is about the last word of the sentence before it; empty otherwise.
    /// </summary>
    private List<string> PointedDefinitionSubject(string raw)
    {
        var trimmed = raw.TrimEnd();
        var end = Math.Max(trimmed.LastIndexOf(". ", StringComparison.Ordinal), trimmed.LastIndexOf("! ", StringComparison.Ordinal));
        if (end <= 0 || !trimmed.EndsWith('?'))
        {
            return [];
        }

        var lang = _words.Language;
        var question = TextNormalizer.Tokens(trimmed[(end + 1)..]);
        var start = lang.DefinitionStarts.Select(TextNormalizer.PhraseTokens).FirstOrDefault(p => TextNormalizer.PhraseAt(question, 0, p));
        var rest = start is null ? [] : question.Skip(start.Length).Where(t => !lang.DefinitionFillers.Contains(t)).ToList();
        if (start is null || lang.OwnDefinitionStarts.Any(p => TextNormalizer.PhraseTokens(p).SequenceEqual(start))
            || rest.Count != 1 || !_words.Conversation.BackReferences.Contains(rest[0]))
        {
            return [];
        }

        var words = trimmed[..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length > 0 ? TextNormalizer.Tokens(words[^1]) : [];
        return last.Count is >= 1 and <= 3 && !index.Analyzer.IsStopword(last[^1]) && !last.Exists(t => t.Any(char.IsDigit)) ? last : [];
    }

    /// <summary>The content words right after "hoeveel": what a count question counts.</summary>
    private List<string> CountNoun(IReadOnlyList<Token> tokens)
    {
        var start = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (_words.Language.CountWords.Contains(tokens[i].Text))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return [];
        }

        // "hoeveel van die Leerhuizen ...": meetings counted out of those just named; the meeting word is what is counted.
        if (start + 3 < tokens.Count && _words.Language.CountPartitives.Contains(tokens[start + 1].Text)
            && (tokens[start + 2].IsStopword || _words.Conversation.EventReferences.Contains(tokens[start + 2].Text))
            && _words.Events.EventTypes.Values.Any(v => v.Contains(tokens[start + 3].Text)))
        {
            start += 2;
        }

        return tokens.Skip(start + 1)
            .TakeWhile(t => !t.IsStopword && !t.IsNumber && !_words.Language.Numbers.ContainsKey(t.Text) && !_words.Budget.WeakMoneyWords.Contains(t.Text)
                && !_words.Language.PastWords.Contains(t.Text) && !_words.Language.YesNoStarts.Contains(t.Text)
                // "hoeveel daarvan ...": a part of what was just answered, not a thing counted.
                && !_words.Conversation.BackReferences.Contains(t.Text))
            .Select(t => t.Text)
            .ToList();
    }

    /// <summary>
    /// "Hallo, wie ben jij eigenlijk?": small talk when every word is a small-talk phrase or a filler. Of several kinds,
    /// the one that asks most wins (who before thanks before bye before greeting): a greeting only opens.
    /// </summary>
    private SmallTalkKind? SmallTalkOf(AnalysedText text)
    {
        var conversation = _words.Conversation;
        var tokens = text.Tokens;
        if (tokens.Count == 0)
        {
            return null;
        }

        // Small talk is nothing but its phrases and fillers: a question with any other word is not (most are not, at once).
        _smallTalkWords ??= SmallTalkPhrases().SelectMany(p => p.Phrases).SelectMany(words => words).ToHashSet(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (!_smallTalkWords.Contains(token.Text) && !conversation.SmallTalkFillers.Contains(token.Text))
            {
                return null;
            }
        }

        var covered = new bool[tokens.Count];
        var kinds = new HashSet<SmallTalkKind>();
        foreach (var (kind, phrases) in SmallTalkPhrases())
        {
            foreach (var phraseTokens in phrases)
            {
                for (var i = 0; i + phraseTokens.Length <= tokens.Count; i++)
                {
                    var match = true;
                    for (var k = 0; k < phraseTokens.Length && match; k++)
                    {
                        match = tokens[i + k].Text == phraseTokens[k];
                    }

                    if (match)
                    {
                        kinds.Add(kind);
                        for (var k = 0; k < phraseTokens.Length; k++)
                        {
                            covered[i + k] = true;
                        }
                    }
                }
            }
        }

        if (kinds.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!covered[i] && !conversation.SmallTalkFillers.Contains(tokens[i].Text))
            {
                return null;
            }
        }

        foreach (var kind in (SmallTalkKind[])[SmallTalkKind.Help, SmallTalkKind.Who, SmallTalkKind.Thanks, SmallTalkKind.Bye, SmallTalkKind.Greeting])
        {
            if (kinds.Contains(kind))
            {
                return kind;
            }
        }

        return null;
    }

    private List<(SmallTalkKind Kind, List<string[]> Phrases)>? _smallTalk;

    private HashSet<string>? _smallTalkWords;

    /// <summary>The small-talk phrases per kind, as tokens, longest first.</summary>
    private List<(SmallTalkKind Kind, List<string[]> Phrases)> SmallTalkPhrases() => _smallTalk ??= _words.Conversation.SmallTalk
        .Select(kv => (Ok: Enum.TryParse<SmallTalkKind>(kv.Key, ignoreCase: true, out var kind), Kind: kind, Phrases: kv.Value))
        .Where(x => x.Ok)
        .Select(x => (x.Kind, x.Phrases.Select(TextNormalizer.PhraseTokens).Where(p => p.Length > 0).OrderByDescending(p => p.Length).ToList()))
        .ToList();

    /// <summary>The question without a greeting before it or thanks after it (small-talk phrases of those kinds).</summary>
    private AnalysedText WithoutCourtesy(AnalysedText text)
    {
        var conversation = _words.Conversation;
        var tokens = text.Tokens;
        var start = 0;
        var end = tokens.Count;
        foreach (var (kind, phrases) in SmallTalkPhrases())
        {
            if (kind is not (SmallTalkKind.Greeting or SmallTalkKind.Thanks))
            {
                continue;
            }

            foreach (var words in phrases)
            {
                // A greeting that is also a time word ("morgen") may be the question's own word.
                if (words.Length == 0 || words.Length == 1 && _words.Time.RelativeDays.ContainsKey(words[0]))
                {
                    continue;
                }

                if (kind == SmallTalkKind.Greeting && start == 0 && TextNormalizer.PhraseAt(tokens, 0, words) && words.Length < tokens.Count - 1)
                {
                    start = words.Length;
                }

                var from = end - words.Length;
                if (kind == SmallTalkKind.Thanks && from > start + 1 && TextNormalizer.PhraseAt(tokens, from, words) && words.Length > 1)
                {
                    end = from;
                }
            }
        }

        while (end > start + 1 && conversation.CourtesyWords.Contains(tokens[end - 1].Text))
        {
            end--;
        }

        return start == 0 && end == tokens.Count ? text : new AnalysedText(text.Raw, tokens.Skip(start).Take(end - start).ToList());
    }

    private bool IsMore(AnalysedText text)
    {
        var phrases = _words.Conversation.MorePhrases;
        var joined = string.Join(' ', text.Tokens.Select(t => t.Text));
        return phrases.Contains(joined) || phrases.Any(p => p.Contains(' ', StringComparison.Ordinal) && joined.StartsWith(p + " ", StringComparison.Ordinal));
    }

    private List<(string[] English, string Dutch)>? _glossary;

    /// <summary>
    /// An English question that writes at least one Dutch term of the reports or the vocabulary (a word that is no English
    /// word, no glossary entry and no stop word, written as is): the question word by word in Dutch; otherwise null.
    /// </summary>
    private string? ReadInDutch(string raw)
    {
        var glossary = _glossary ??= _words.Language.EnglishGlossary.Select(kv => (TextNormalizer.PhraseTokens(kv.Key), kv.Value))
            .Where(g => g.Item1.Length > 0).OrderByDescending(g => g.Item1.Length).ToList();
        var words = TextNormalizer.Tokens(raw);
        var lang = _words.Language;
        var analyzer = index.Analyzer;
        if (!words.Exists(w => w.Length >= 4 && w.All(char.IsLetter) && !lang.EnglishWords.Contains(w) && !analyzer.IsStopword(w) && analyzer.IsKnown(w)
            && !glossary.Exists(g => g.English.Contains(w))))
        {
            return null;
        }

        var dutch = new List<string>();
        for (var i = 0; i < words.Count;)
        {
            var entry = glossary.FirstOrDefault(g => TextNormalizer.PhraseAt(words, i, g.English));
            if (entry.English is null)
            {
                dutch.Add(words[i]);
                i++;
                continue;
            }

            if (entry.Dutch.Length > 0)
            {
                dutch.Add(entry.Dutch);
            }

            i += entry.English.Length;
        }

        return string.Join(' ', dutch) + "?";
    }

    private bool LooksEnglish(IReadOnlyList<Token> tokens)
    {
        if (tokens.Count < 2)
        {
            return false;
        }

        var english = tokens.Count(t => _words.Language.EnglishWords.Contains(t.Text));
        var dutch = tokens.Count(t => t.IsStopword && !_words.Language.EnglishWords.Contains(t.Text));
        return english >= 2 && english > dutch * 2 && english * 2 >= tokens.Count;
    }

    /// <summary>"voorzitter voor Theo Segers", "en wie was dat voor hem?": a word of order right before a person's name or a
    /// word for a person asks the holder before (or after) them.</summary>
    private Signals PersonOrder(IReadOnlyList<Token> tokens)
    {
        var time = _words.Time;
        var personWords = _words.Conversation.PersonReferences;
        var firstNames = index.People.Where(p => p.Name.Length >= 2).Select(p => p.Name).ToList();
        var signals = Signals.None;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var order = time.BeforePersonWords.Contains(tokens[i].Text) ? Signals.Before : time.AfterPersonWords.Contains(tokens[i].Text) ? Signals.After : Signals.None;
            if (order == Signals.None)
            {
                continue;
            }

            var next = tokens[i + 1].Text;
            var names = personWords.Contains(next) || firstNames.Any(n => TextNormalizer.PhraseAt(tokens, i + 1, n));
            if (names)
            {
                signals |= order;
            }
        }

        return signals;
    }
}

/// <summary>Years and date windows a question names, resolved against today.</summary>
internal sealed record TimeSlots(IReadOnlyList<int> Years, DateRange? Range, string? DayWord, int? YearShift = null)
{
    /// <summary>"op dit moment", "nu": the present is asked.</summary>
    public bool Now { get; init; }

    /// <summary>"die van september": a month named without a year; a follow-up places it in the previous answer's year.</summary>
    public bool MonthWithoutYear { get; init; }

    /// <summary>"van 2023 tot en met 2026": every year from the first to the last is asked.</summary>
    public bool Span { get; init; }
}

/// <summary>Resolves time words: years, relative years, months, days, weeks, seasons and quarters, "over twee weken".</summary>
internal sealed class TimeResolver(Words words, IReadOnlySet<string>? dayWordsInNames = null)
{
    /// <summary>The longest run of years a span may ask ("2017 t/m 2026").</summary>
    private const int MaxSpanYears = 10;

    public TimeSlots Resolve(AnalysedText text, DateOnly today, bool[] consumed)
    {
        // "voor volgend jaar... nee sorry, voor 2026": after a correction, the time named after it replaces the one before.
        foreach (var phrase in words.Time.CorrectionPhrases.OrderByDescending(p => p.Length))
        {
            var at = Find(text.Tokens, phrase);
            if (at < 0)
            {
                continue;
            }

            var cut = at + TextNormalizer.PhraseTokens(phrase).Length;
            var tail = new AnalysedText(text.Raw, text.Tokens.Skip(cut).ToList());
            var tailConsumed = new bool[tail.Tokens.Count];
            var corrected = ResolveAll(tail, today, tailConsumed);
            if (corrected.Years.Count == 0 && corrected.Range is null)
            {
                break;
            }

            var head = new AnalysedText(text.Raw, text.Tokens.Take(at).ToList());
            var headConsumed = new bool[head.Tokens.Count];
            ResolveAll(head, today, headConsumed);
            for (var i = 0; i < consumed.Length; i++)
            {
                consumed[i] = i < at ? headConsumed[i] : i < cut || tailConsumed[i - cut];
            }

            return corrected;
        }

        return ResolveAll(text, today, consumed);
    }

    /// <summary>"2023 t/m 2026", "van 2023 tot 2026", "2023-2026": two years joined by a span phrase ask every year between.</summary>
    private List<int>? YearSpan(IReadOnlyList<Token> tokens, List<int> years)
    {
        var at = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].IsYear).ToList();
        for (var k = 0; k + 1 < at.Count; k++)
        {
            var between = tokens.Skip(at[k] + 1).Take(at[k + 1] - at[k] - 1).Select(x => x.Text).ToArray();
            if ((between.Length == 0 || words.Time.YearSpanWords.Any(p => TextNormalizer.PhraseTokens(p).SequenceEqual(between)))
                && int.TryParse(tokens[at[k]].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(tokens[at[k + 1]].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                && from < to && to - from <= MaxSpanYears && years.Contains(from) && years.Contains(to))
            {
                return [.. years.Where(y => y < from), .. Enumerable.Range(from, to - from + 1), .. years.Where(y => y > to)];
            }
        }

        return null;
    }

    private TimeSlots ResolveAll(AnalysedText text, DateOnly today, bool[] consumed)
    {
        var tokens = text.Tokens;
        var now = false;
        foreach (var phrase in words.Time.NowPhrases.OrderByDescending(p => p.Length))
        {
            var at = Consume(tokens, phrase, consumed);
            var next = at + TextNormalizer.Tokens(phrase).Count;
            // "nu het Privacy Platform klaar is", "voor nu en later": a conjunction or part of a phrase, not the present asked.
            now |= at >= 0 && !(next < tokens.Count && words.Time.NowNotBefore.Contains(tokens[next].Text));
        }

        var t = words.Time;
        var years = new List<int>();
        DateRange? range = null;
        string? dayWord = null;
        var past = words.Language.PastWords.Overlaps(tokens.Select(x => x.Text));

        var included = false;
        var excluded = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            // "het budget over 2020, inclusief de doorlopende projecten uit 2019": a year after the inclusion word names the
            // included line, not a year asked.
            included |= words.Budget.InclusionWords.Contains(tokens[i].Text);
            // "de begroting 2024, zonder het restant uit 2023": the first year after the negation word names the line left
            // out, when a year was asked before it.
            excluded |= words.Budget.NegationWords.Contains(tokens[i].Text) && years.Count > 0;
            if (tokens[i].IsYear && int.TryParse(tokens[i].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2099)
            {
                if (!years.Contains(year) && !(included && years.Count > 0) && !excluded)
                {
                    years.Add(year);
                }

                excluded = false;

                consumed[i] = true;
                if (i > 0 && Array.Exists(t.YearNameEndings, e => tokens[i - 1].Text.EndsWith(e, StringComparison.Ordinal)))
                {
                    consumed[i - 1] = true;
                }
            }
        }

        var span = YearSpan(tokens, years);
        if (span is { } spanned)
        {
            years = spanned;
        }

        foreach (var (phrase, offset) in t.RelativeYears.OrderByDescending(p => p.Key.Length))
        {
            if (Consume(tokens, phrase, consumed) >= 0 && !years.Contains(today.Year + offset))
            {
                years.Add(today.Year + offset);
            }
        }

        int? shift = null;
        // "die van het jaar daarna": a phrase that moves the year wins over a same-year phrase it overlaps ("van het jaar").
        foreach (var (phrase, offset) in t.ContextYears.OrderBy(p => p.Value == 0).ThenByDescending(p => p.Key.Length))
        {
            if (shift is null && Consume(tokens, phrase, consumed) >= 0)
            {
                // "vorig jaar ... begroot voor dat jaar": a same-year phrase after a year of the question itself points to it.
                if (offset == 0 && years.Count > 0)
                {
                    continue;
                }

                shift = offset;
                if (years.Count == 0)
                {
                    years.Add(today.Year + offset);
                }
            }
        }

        foreach (var (phrase, offset) in t.RelativeMonths)
        {
            if (Consume(tokens, phrase, consumed) >= 0)
            {
                var month = new DateOnly(today.Year, today.Month, 1).AddMonths(offset);
                range = new DateRange(month, month.AddMonths(1).AddDays(-1));
            }
        }

        foreach (var (phrase, offset) in t.RelativeQuarters)
        {
            if (Consume(tokens, phrase, consumed) >= 0)
            {
                var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(3 * offset);
                range = new DateRange(quarterStart, quarterStart.AddMonths(3).AddDays(-1));
            }
        }

        foreach (var (phrase, offset) in t.RelativeWeeks)
        {
            if (Consume(tokens, phrase, consumed) >= 0)
            {
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + 7 * offset);
                range = new DateRange(monday, monday.AddDays(6));
            }
        }

        var quoted = QuotedWords(text.Raw);
        foreach (var (phrase, offset) in t.RelativeDays.OrderByDescending(p => p.Key.Length))
        {
            // "de actiedag 'Echt niet vandaag'": a day word inside quotation marks is part of a name.
            // "de actiedag Echt niet vandaag": so is a day word that the reports only write after the word before it.
            if (!TextNormalizer.PhraseTokens(phrase).All(quoted.Contains) && !InName(Find(tokens, phrase)) && Consume(tokens, phrase, consumed) >= 0)
            {
                var day = today.AddDays(offset);
                range = new DateRange(day, day);
                dayWord = phrase;
                break;
            }
        }

        bool InName(int at) => at > 0 && dayWordsInNames is not null && dayWordsInNames.Contains(tokens[at - 1].Text + " " + tokens[at].Text);

        // "over twee weken", "over 3 dagen", "binnen een maand"
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (t.InPrefix.Contains(tokens[i].Text) && NumberOf(tokens[i + 1].Text) is { } n && t.Units.TryGetValue(tokens[i + 2].Text, out var days))
            {
                var target = today.AddDays(n * days);
                range = days == 1 ? new DateRange(target, target) : new DateRange(target.AddDays(-(days / 2)), target.AddDays(days / 2));
                consumed[i] = consumed[i + 1] = consumed[i + 2] = true;
            }
        }

        // "twee jaar geleden" names a year; "drie weken geleden" a window around that day.
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (!t.AgoWords.Contains(tokens[i + 2].Text) || NumberOf(tokens[i].Text) is not { } ago)
            {
                continue;
            }

            if (t.YearUnits.Contains(tokens[i + 1].Text))
            {
                if (!years.Contains(today.Year - ago))
                {
                    years.Add(today.Year - ago);
                }
            }
            else if (t.Units.TryGetValue(tokens[i + 1].Text, out var agoDays))
            {
                var target = today.AddDays(-ago * agoDays);
                range = agoDays == 1 ? new DateRange(target, target) : new DateRange(target.AddDays(-(agoDays / 2)), target.AddDays(agoDays / 2));
            }
            else
            {
                continue;
            }

            consumed[i] = consumed[i + 1] = consumed[i + 2] = true;
        }

        var monthWithoutYear = false;
        // Months, with a day number before them ("23 maart") and a year after or in the question.
        for (var i = 0; i < tokens.Count; i++)
        {
            var month = MonthOf(tokens[i].Text);
            if (month is null)
            {
                continue;
            }

            // "Jan Heijkoop", "dec": an abbreviation is a month only next to a day number or a year ("3 jan", "jan 2025").
            var abbreviated = !words.Language.Months.Contains(tokens[i].Text);
            if (abbreviated && !(i > 0 && tokens[i - 1].IsNumber && tokens[i - 1].Text.Length <= 2) && !(i + 1 < tokens.Count && tokens[i + 1].IsYear))
            {
                continue;
            }

            consumed[i] = true;
            monthWithoutYear = years.Count == 0;
            var year = years.Count > 0 ? years[0] : MonthYear(month.Value, today, past);
            if (i > 0 && int.TryParse(tokens[i - 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
                && day <= DateTime.DaysInMonth(year, month.Value))
            {
                var date = new DateOnly(year, month.Value, day);
                range = new DateRange(date, date);
                consumed[i - 1] = true;
            }
            else
            {
                var first = new DateOnly(year, month.Value, 1);
                range = new DateRange(first, first.AddMonths(1).AddDays(-1));
            }
        }

        // Seasons: "dit voorjaar", "vorig najaar", "na de zomer", "eind 2024", "voorjaar 2025".
        foreach (var (phrase, months) in t.Seasons.OrderByDescending(p => p.Key.Length))
        {
            var at = Find(tokens, phrase);
            if (at < 0 || months.Count != 2 || range is not null && !range.IsDay && range.To.Month - range.From.Month < 2)
            {
                continue;
            }

            var length = TextNormalizer.PhraseTokens(phrase).Length;
            var isEdge = phrase is "begin" or "eind" or "einde";
            var after = at + length < tokens.Count ? tokens[at + length].Text : "";
            if (isEdge && !(tokens.Count > at + length && (tokens[at + length].IsYear || t.ThisWords.Contains(after) || t.PreviousWords.Contains(after) || after is "volgend" or "van")))
            {
                continue;
            }

            var before = at > 0 ? tokens[at - 1].Text : "";
            // "vorig najaar", "afgelopen zomer": the last such season that is over by today.
            var year = years.Count > 0 ? years[^1] : t.PreviousWords.Contains(before) ? (months[1] < today.Month ? today.Year : today.Year - 1) : today.Year;
            range = new DateRange(new DateOnly(year, months[0], 1), new DateOnly(year, months[1], 1).AddMonths(1).AddDays(-1));
            monthWithoutYear = years.Count == 0 && !t.PreviousWords.Contains(before) && !t.ThisWords.Contains(before);
            for (var k = at; k < at + length; k++)
            {
                consumed[k] = true;
            }

            if (at > 0 && (t.ThisWords.Contains(before) || t.PreviousWords.Contains(before)))
            {
                consumed[at - 1] = true;
            }

            break;
        }

        return new TimeSlots(years, range, dayWord, shift) { Now = now, MonthWithoutYear = monthWithoutYear, Span = span is not null };
    }

    /// <summary>A month without a year is the coming one, or the last one for a question in the past tense.</summary>
    private static int MonthYear(int month, DateOnly today, bool past) =>
        past ? (month <= today.Month ? today.Year : today.Year - 1) : (month >= today.Month ? today.Year : today.Year + 1);

    private int? MonthOf(string word)
    {
        var index = words.Language.Months.IndexOf(word);
        if (index >= 0)
        {
            return index + 1;
        }

        return words.Language.MonthAbbreviations.TryGetValue(word, out var month) ? month : null;
    }

    private int? NumberOf(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : words.Language.Numbers.TryGetValue(word, out var value) ? value : null;

    private static int Find(IReadOnlyList<Token> tokens, string phrase)
    {
        var parts = TextNormalizer.PhraseTokens(phrase);
        for (var i = 0; i + parts.Length <= tokens.Count; i++)
        {
            var match = true;
            for (var k = 0; k < parts.Length && match; k++)
            {
                match = tokens[i + k].Text == parts[k];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly System.Text.RegularExpressions.Regex Quoted = new(@"(?<!\p{L})['‘""“]([^'’""”]+)['’""”](?!\p{L})",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The words written between quotation marks ("'Echt niet vandaag'"), a name's words.</summary>
    private static HashSet<string> QuotedWords(string raw) =>
        raw.IndexOfAny(['\'', '‘', '"', '“']) < 0 ? []
            : Quoted.Matches(raw).SelectMany(m => TextNormalizer.Tokens(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    private static int Consume(IReadOnlyList<Token> tokens, string phrase, bool[] consumed)
    {
        var at = Find(tokens, phrase);
        if (at >= 0)
        {
            var length = TextNormalizer.PhraseTokens(phrase).Length;
            for (var k = at; k < at + length; k++)
            {
                consumed[k] = true;
            }
        }

        return at;
    }
}
