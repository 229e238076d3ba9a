using System.Globalization;
using VarBot.Answering.Analysis;
using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Answers;

/// <summary>Answers that are one fixed text with example questions: empty, too long, no words, code, English.</summary>
internal sealed class FixedTextAnswerer(AnswerKit kit, Intent intent, string textKey) : IAnswerer
{
    public Intent Intent => intent;

    public Reply Answer(Query query) => new()
    {
        Intent = intent,
        Template = "notFound",
        Title = kit.Texts["welcome_title"],
        Lead = kit.Texts[textKey],
        Answered = false,
        Suggestions = kit.DefaultSuggestions(),
        Context = ConversationContext.Empty,
    };
}

/// <summary>"Hallo", "dank je", "wie ben jij": a short reply with three example questions, never a passage.</summary>
internal sealed class SmallTalkAnswerer(AnswerKit kit) : IAnswerer
{
    public Intent Intent => Intent.SmallTalk;

    public Reply Answer(Query query) => new()
    {
        Intent = Intent,
        Template = "notFound",
        Title = kit.Texts["welcome_title"],
        Lead = kit.Texts["small_talk_" + (query.SmallTalk ?? SmallTalkKind.Greeting).ToString().ToLowerInvariant()],
        Answered = true,
        Suggestions = kit.DefaultSuggestions(),
        Context = ConversationContext.Empty,
    };
}

/// <summary>"Wie wordt de nieuwe voorzitter?": the reports never say who will be.</summary>
internal sealed class FuturePersonAnswerer(AnswerKit kit) : IAnswerer
{
    public Intent Intent => Intent.FuturePerson;

    public Reply Answer(Query query) => kit.NotFound(query, Intent, kit.Texts["future_person"]);
}

/// <summary>"Wat is het budget van het RIEC?": the reports are the VAR's; another organisation's figures are not in them.</summary>
internal sealed class OtherOrganisationAnswerer(AnswerKit kit) : IAnswerer
{
    public Intent Intent => Intent.OtherOrganisation;

    public Reply Answer(Query query) => kit.NotFound(query, Intent, kit.Texts.Format("other_organisation", query.OtherOrganisation));
}

/// <summary>"Wie is de voorzitter?", "hoeveel gemeenten?": organisation facts from the report of the asked year, or the latest.</summary>
internal sealed class OrganisationAnswerer(AnswerKit kit) : IAnswerer
{
    public Intent Intent => Intent.Organisation;

    public Reply Answer(Query query)
    {
        var reply = AnswerRole(query with { OtherRoles = [] });
        foreach (var other in query.OtherRoles)
        {
            // "Wie waren voorzitter en vicevoorzitter in 2020?": each role asked, in one answer.
            var also = AnswerRole(query with { Role = other, OtherRoles = [] });
            if (also.Answered && reply.Answered)
            {
                reply = reply with { Lead = reply.Lead + " " + also.Lead, Sources = [.. reply.Sources, .. also.Sources.Except(reply.Sources)] };
            }
        }

        return reply;
    }

    private Reply AnswerRole(Query query)
    {
        var kind = kit.Words.Organisation.AnsweredAs.GetValueOrDefault(query.Role!.Value.ToString(), query.Role!.Value);
        var facts = kit.Model.Organisation.Where(f => f.Kind == kind).ToList();
        if (facts.Count == 0)
        {
            return kit.NotFound(query, Intent);
        }

        // "Hoeveel gemeenten waren er in 2017, in 2020 en in 2023?": several years named one by one ask the figure of each.
        var namedYears = query.Years.Distinct().ToList();
        var eachYear = !query.YearSpan && namedYears.Count >= 2 && namedYears.TrueForAll(y => facts.Exists(f => f.Year == y));
        if ((query.Has(Signals.Compare) || eachYear) && kit.Texts.Has($"org_label_{kind}"))
        {
            // "Is het aantal gemeenten sinds 2017 veranderd?": the figure of every report, oldest first.
            var shown = eachYear && !query.Has(Signals.Compare) ? facts.Where(f => namedYears.Contains(f.Year)).ToList() : facts;
            var byYear = shown.GroupBy(f => f.Year).OrderBy(g => g.Key).Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => Unit(kind, f.Value)).Distinct())}");
            var history = kit.Texts.Format("org_history", kit.Texts[$"org_label_{kind}"], string.Join("; ", byYear));
            return new Reply
            {
                Intent = Intent,
                Title = kit.Texts["org_title"],
                Lead = Verdict(query, kind, facts) is { } verdict ? verdict + " " + history : history,
                Sources = shown.Select(f => kit.SourceOf(f.Source, kit.Texts["org_title"]) ?? new FactSource(f.ReportId, kit.Texts["org_title"], f.Source)).Distinct().ToList(),
                Suggestions = kit.DefaultSuggestions(),
                Context = kit.ContextOf(query, Intent),
            };
        }

        if (query.Year is null && query.HasAny(Signals.Before | Signals.After) && kit.Words.Organisation.PersonRoles.Contains(kind.ToString())
            && facts.MaxBy(f => f.Year) is { } holder && Succession.Of(kit, query, holder) is { } succession)
        {
            // "wie was het daarvoor?" after "wie is de voorzitter?": the holder before the current one.
            return succession;
        }

        string? note = null;
        if (query.Year is { } asked)
        {
            if (facts.Any(f => f.Year == asked))
            {
                facts = facts.Where(f => f.Year == asked).ToList();
            }
            else
            {
                var earlier = facts.Where(f => f.Year < asked).ToList();
                var person = kit.Words.Organisation.PersonRoles.Contains(kind.ToString());
                if (earlier.Count == 0 && (person || asked < kit.Model.Reports.Min(r => r.ReportYear)))
                {
                    return kit.NotFound(query, Intent, kit.Texts.Format("org_before_reports", asked, kit.Model.Reports.Min(r => r.ReportYear)));
                }

                var nearest = earlier.Count > 0 ? earlier.Max(f => f.Year) : facts.Min(f => f.Year);
                facts = facts.Where(f => f.Year == nearest).ToList();
                note = kit.Texts.Format(earlier.Count > 0 ? "org_other_year" : "org_later_year", asked, nearest);
            }
        }

        var year = facts.Max(f => f.Year);
        var latest = facts.Where(f => f.Year == year).ToList();
        var fact = latest[0];
        string lead;
        if (kit.Texts.Has($"org_{kind}_count"))
        {
            lead = kit.Texts.Format("org_count", year, kit.Texts.Format($"org_{kind}_count", Number(fact.Value)));
        }
        else
        {
            var value = string.Join(", ", latest.Select(f => f.Detail is null ? f.Value : $"{f.Value} ({f.Detail})"));
            var newest = kit.Model.Organisation.Where(f => f.Kind == kind).Max(f => f.Year);
            lead = kit.Texts.Format(year < newest ? "org_fact_past" : "org_fact", kit.Texts[$"org_{kind}"], year, value);
        }

        if (note is not null)
        {
            lead = note + " " + lead;
        }

        var source = kit.SourceOf(fact.Source, kit.Texts["org_title"]) ?? new FactSource(fact.ReportId, kit.Texts["org_title"], fact.Source);
        return new Reply
        {
            Intent = Intent,
            Title = kit.Texts["org_title"],
            Lead = lead,
            Sources = [source],
            Suggestions = [.. new[] { "Chair", "Municipalities", "NewsletterSubscribers" }.Where(k => k != kind.ToString()).Take(2).Select(k => kit.Texts["suggest_org_" + k]), kit.Texts["suggest_next_leerhuis"]],
            Context = kit.ContextOf(query, Intent) with { Person = kit.Words.Organisation.PersonRoles.Contains(kind.ToString()) && latest.Count == 1 ? fact.Value : null },
        };
    }

    /// <summary>A count written in digits gets Dutch thousands separators ("1400" reads "1.400").</summary>
    /// <summary>"32 gemeenten": a count with its unit; a name as it is.</summary>
    /// <summary>
    /// "Uit hoeveel gemeenten bestaat de VAR nu, en is dat minder dan in 2020?": the figure of the newer of the two years
    /// asked (or the newest report) against the other's, and the difference in words. Null without two such figures.
    /// </summary>
    private string? Verdict(Query query, OrganisationFactKind kind, List<OrganisationFact> facts)
    {
        var figures = facts.Where(f => int.TryParse(f.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _)).GroupBy(f => f.Year)
            .Where(g => g.Select(f => f.Value).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => int.Parse(g.First().Value, CultureInfo.InvariantCulture));
        var years = query.Years.Distinct().Order().ToList();
        var (older, newer) = years.Count == 2 ? (years[0], years[1]) : years.Count == 1 && figures.Count > 0 ? (years[0], figures.Keys.Max()) : (0, 0);
        if (older == newer || !figures.TryGetValue(older, out var then) || !figures.TryGetValue(newer, out var now))
        {
            return null;
        }

        var difference = now > then ? kit.Texts.Format("org_compare_more", now - then) : now < then ? kit.Texts.Format("org_compare_less", then - now) : kit.Texts["org_compare_same"];
        return kit.Texts.Format("org_compare", kit.Texts[$"org_label_{kind}"], newer, Unit(kind, now.ToString(CultureInfo.InvariantCulture)), older,
            Unit(kind, then.ToString(CultureInfo.InvariantCulture)), difference);
    }

    private string Unit(OrganisationFactKind kind, string value) =>
        kit.Texts.Has($"org_unit_{kind}") ? kit.Texts.Format($"org_unit_{kind}", Number(value)) : value;

    private static string Number(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1000 ? DutchFormat.Amount(number)[2..] : value;
}

/// <summary>"Wie is Astrid de Jong?", "wie is de burgemeester van Maassluis?": a named person's role, from the latest report naming them.</summary>
internal sealed class PersonAnswerer(AnswerKit kit, SearchAnswerer search) : IAnswerer
{
    public Intent Intent => Intent.Person;

    public Reply Answer(Query query)
    {
        var asked = query.Text.Tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var roleWords = kit.Words.Organisation.PersonRoleWords;
        // "Wie volgde Jan Heijkoop op, en hoe lang was Heijkoop aan de VAR verbonden?": the surname the question names beats
        // the person of the previous answer (routing by a name still wants the whole name: "naast Heijkoop" places a role).
        var byName = kit.Index.People.Where(p => KnowledgeIndex.Names(p.Name, asked)).Select(p => p.Fact);
        if (query.Person is { } person && !byName.Any())
        {
            // A follow-up on the person just answered ("hoe lang heeft die het gedaan?").
            byName = kit.Index.People.Where(p => p.Fact.Value == person).Select(p => p.Fact);
        }

        var byDetail = kit.Index.People.Where(p => p.Fact.Detail is { } d && TextNormalizer.Tokens(d).Where(t => !roleWords.Contains(t)).Any(asked.Contains)).Select(p => p.Fact);
        var fact = byName.Concat(byDetail).OrderByDescending(f => f.Year).FirstOrDefault();
        if (fact is null)
        {
            return search.Answer(query) ;
        }

        if (query.Has(Signals.Duration) && query.Text.Tokens.Any(t => kit.Words.Organisation.SinceWords.Contains(t.Text))
            && kit.Model.Organisation.Where(f => f.Value == fact.Value && f.Kind == (query.Role ?? fact.Kind)).MinBy(f => f.Year) is { } first)
        {
            // "Sinds wanneer?": the first report that names the person in the role.
            return new Reply
            {
                Intent = Intent,
                Title = kit.Texts["org_title"],
                Lead = kit.Texts.Format("org_since", first.Value, kit.Texts["org_role_" + first.Kind], first.Year),
                Sources = [kit.SourceOf(first.Source, kit.Texts["org_title"]) ?? new FactSource(first.ReportId, kit.Texts["org_title"], first.Source)],
                Suggestions = kit.DefaultSuggestions(),
                Context = kit.ContextOf(query, Intent) with { Role = first.Kind, Person = first.Value },
            };
        }

        if (query.Has(Signals.Duration) && Duration(fact.Value) is { } span)
        {
            // "Hoe lang is Jan Heijkoop voorzitter geweest?": the sentence that names the person with a length of time.
            return new Reply
            {
                Intent = Intent,
                Title = kit.Texts["org_title"],
                Lead = span.Text,
                Sources = [span.Source],
                Suggestions = kit.DefaultSuggestions(),
                Context = kit.ContextOf(query, Intent) with { Role = fact.Kind, Person = fact.Value },
            };
        }

        if (query.HasAny(Signals.Before | Signals.After) && Succession.Of(kit, query, fact with { Kind = query.Role ?? fact.Kind }) is { } succession)
        {
            // "Wie was voorzitter voordat Theo Segers dat werd?", "wie was de voorganger van Theo Segers?": the holder of the
            // role asked (or the person's own) in the reports before (or after) them.
            return succession;
        }

        var role = kit.Texts["org_role_" + fact.Kind];
        var lead = fact.Detail is null
            ? kit.Texts.Format("org_person_plain", fact.Value, fact.Year, role)
            : kit.Texts.Format("org_person", fact.Value, fact.Detail, fact.Year, role);
        var source = kit.SourceOf(fact.Source, kit.Texts["org_title"]) ?? new FactSource(fact.ReportId, kit.Texts["org_title"], fact.Source);
        return new Reply
        {
            Intent = Intent,
            Title = kit.Texts["org_title"],
            Lead = lead,
            Sources = [source],
            Suggestions = kit.DefaultSuggestions(),
            Context = kit.ContextOf(query, Intent) with { Role = fact.Kind, Person = fact.Value },
        };
    }

    /// <summary>A sentence of the reports that names the person (by surname) and a number of years or months.</summary>
    private Fact? Duration(string person)
    {
        var surname = TextNormalizer.Tokens(person).LastOrDefault();
        if (surname is null)
        {
            return null;
        }

        var language = kit.Words.Language;
        foreach (var entry in kit.Index.Passages.Where(p => p.Text.Length > 0 && p.Analysed.Tokens.Any(t => t.Text == surname)))
        {
            foreach (var sentence in Sentences.Split(entry.Text))
            {
                var tokens = TextNormalizer.Tokens(sentence);
                if (!tokens.Contains(surname))
                {
                    continue;
                }

                for (var i = 0; i + 1 < tokens.Count; i++)
                {
                    var isNumber = tokens[i].All(char.IsDigit) && tokens[i].Length <= 2 || language.Numbers.ContainsKey(tokens[i]);
                    if (isNumber && language.DurationUnits.Contains(tokens[i + 1]))
                    {
                        return new Fact(Sentences.Shorten(sentence), kit.SourceOf(entry));
                    }
                }
            }
        }

        return null;
    }
}

/// <summary>Who held a role before (or after) a person: the last holder before their first report (the first after their last).</summary>
internal static class Succession
{
    public static Reply? Of(AnswerKit kit, Query query, OrganisationFact holder)
    {
        var after = query.Has(Signals.After);
        var facts = kit.Model.Organisation.Where(f => f.Kind == holder.Kind).OrderBy(f => f.Year).ToList();
        var own = facts.Where(f => f.Value == holder.Value).ToList();
        var other = own.Count == 0 ? null
            : after ? facts.FirstOrDefault(f => f.Year > own[^1].Year && f.Value != holder.Value)
            : facts.LastOrDefault(f => f.Year < own[0].Year && f.Value != holder.Value);
        if (other is null)
        {
            return null;
        }

        var source = kit.SourceOf(other.Source, kit.Texts["org_title"]) ?? new FactSource(other.ReportId, kit.Texts["org_title"], other.Source);
        var name = other.Detail is null ? other.Value : $"{other.Value} ({other.Detail})";
        return new Reply
        {
            Intent = Intent.Organisation,
            Title = kit.Texts["org_title"],
            Lead = kit.Texts.Format(after ? "org_successor" : "org_predecessor", holder.Value, name, kit.Texts["org_role_" + holder.Kind], other.Year),
            Sources = [source],
            Suggestions = kit.DefaultSuggestions(),
            // "wie was toen de vicevoorzitter?" after it: the year of the report that names the successor.
            Context = kit.ContextOf(query, Intent.Organisation) with { Role = holder.Kind, Person = other.Value, Years = [other.Year] },
        };
    }
}

/// <summary>Monitoring publications (GVB, Veiligheidsmonitor, Mensenhandelmonitor): when they appear, who makes them.</summary>
internal sealed class MonitoringAnswerer(AnswerKit kit, SearchAnswerer search) : IAnswerer
{
    private const int MaxPublications = 4;

    public Intent Intent => Intent.Monitoring;

    public Reply Answer(Query query)
    {
        var kind = query.Monitoring!.Value;
        var all = kit.Model.Monitoring.Where(m => m.Kind == kind).ToList();
        if (query.Years.Count == 0 && query.Range is { } period && period.From.Year == period.To.Year)
        {
            // "welk GVB komt er dit voorjaar uit?": the publications of that season's year, those dated in it first.
            var inPeriod = all.Where(m => m.Year == period.From.Year).OrderBy(m => InPeriod(m, period) ? 0 : 1).ToList();
            if (inPeriod.Count > 0)
            {
                all = [.. inPeriod, .. all.Except(inPeriod)];
                query = query with { Years = [period.From.Year] };
            }
        }

        var chosen = all;
        if (query.Years.Count > 0)
        {
            var years = query.Years;
            var appearing = all.Where(m => years.Contains(m.Year)).ToList();
            var covering = all.Where(m => m.Covers is { } c && years.Any(y => c.Contains(y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))).ToList();
            var asksCover = query.Text.Has("over") || query.Text.Tokens.Count <= 5 && !query.Has(Signals.Past) && !query.Text.Has("in") || YearNamesEdition(query, kind);
            chosen = asksCover && covering.Count > 0 ? covering : appearing.Count > 0 ? appearing : covering;
        }

        if (query.Has(Signals.Next) && query.Years.Count == 0)
        {
            var planned = all.Where(m => m.Status == PublicationStatus.Planned && m.Year >= query.Today.Year).OrderBy(m => m.Year).ThenBy(m => m.Month ?? 13).ToList();
            chosen = planned.Count > 0 ? planned : all.OrderByDescending(m => m.Year).Take(1).ToList();
        }
        else
        {
            // Of one year, what appeared before what was planned: a report's plan is older news than its publication.
            chosen = chosen.OrderByDescending(m => m.Year).ThenByDescending(m => m.Month ?? 0).ThenBy(m => m.Status == PublicationStatus.Published ? 0 : 1).ToList();
            if (query.Has(Signals.When) && query.Years.Count > 0)
            {
                // "wanneer komen de resultaten van de Veiligheidsmonitor 2025?": the later date the same report sentence plans.
                var later = chosen.SelectMany(c => all.Where(m => m.Source == c.Source && m.Year > c.Year && m.Status == PublicationStatus.Planned)).Distinct().ToList();
                chosen = [.. later, .. chosen.Except(later)];
            }
        }

        if (query.Text.Tokens.Any(t => kit.Words.Monitoring.WholeYearWords.Contains(t.Text))
            && chosen.Where(m => !TextNormalizer.Tokens(m.Title).Exists(kit.Words.Monitoring.PartYearWords.Contains)).ToList() is { Count: > 0 } whole)
        {
            // "het GVB over heel 2025": the edition of the whole year, not the one about its first half.
            chosen = whole;
        }

        var restrictWords = kit.Words.Monitoring.Kinds[kind.ToString()].SelectMany(w => TextNormalizer.Tokens(w)).ToHashSet(StringComparer.Ordinal);
        // "het GVB over de eerste helft van 2023": a publication whose title holds the question's own words comes first.
        // Only words that set one publication apart: not the kind's name, nor a word every title of the kind holds.
        var own = query.Text.Tokens.Where(t => !t.IsStopword && !t.IsYear && !restrictWords.Contains(t.Text)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        own.RemoveWhere(w => all.TrueForAll(m => TextNormalizer.Tokens(m.Title).Contains(w)));
        chosen = [.. chosen.OrderByDescending(m => TextNormalizer.Tokens(m.Title).Count(own.Contains))];
        var titled = chosen.Count > 0 && TextNormalizer.Tokens(chosen[0].Title).Exists(own.Contains);
        var text = search.Answer(query, Intent, requireNumber: false,
            restrict: p => p.Analysed.Tokens.Any(t => restrictWords.Contains(t.Text)) || p.Passage.Section == "Monitoring", partialAllowed: false);
        if (chosen.Count == 0)
        {
            return text ?? kit.NotFound(query, Intent);
        }

        // A planned edition and the report that says it appeared read alike once a news item dates it: said once.
        // "het GVB over de eerste helft van 2023": the publications of that title only, not the rest of the year's.
        var shown = titled ? chosen.Where(m => TextNormalizer.Tokens(m.Title).Exists(own.Contains)).ToList() : chosen;
        var items = shown.Take(MaxPublications).Select(Line).DistinctBy(f => f.Text).ToList();
        var lead = items[0].Text;
        var facts = items.Skip(1).ToList();
        var answered = true;
        // "Hoeveel procent voelde zich onveilig volgens de Veiligheidsmonitor 2023?": a figure of the publication's content,
        // not a count of publications, and no report sentence gives it.
        var asksFigure = query.HasAny(Signals.Count | Signals.Share) && !query.HasAny(Signals.When | Signals.Where | Signals.Who) && text is not { Answered: true }
            && !query.CountNoun.Any(w => kit.Words.Monitoring.Kinds.Values.Any(k => k.Any(x => w.StartsWith(x, StringComparison.Ordinal))));
        if (query.Has(Signals.Outcome) && !query.HasAny(Signals.When | Signals.Count | Signals.Where | Signals.Who) || asksFigure)
        {
            // "Wat zijn de uitkomsten van de Veiligheidsmonitor 2025?": the reports say when and by whom, never the results.
            facts.Insert(0, items[0]);
            lead = kit.Texts["monitoring_results_unknown"];
            answered = false;
        }

        if (text is { Answered: true } && query.Has(Signals.Count) && query.CountNoun.Count == 0)
        {
            // "Hoe vaak verschijnt de Veiligheidsmonitor?": the sentence with the frequency answers; the publications follow.
            facts.Insert(0, items[0]);
            lead = text.Lead;
        }
        else if (text is { Answered: true } && !titled)
        {
            // The report's sentence and the one after it ("Het thema veiligheidsbeleving zal hierin een rol spelen.").
            facts.InsertRange(0, [new Fact(text.Lead, text.Sources.FirstOrDefault() ?? items[0].Source), .. text.Items.Take(1)]);
        }

        return new Reply
        {
            Intent = Intent,
            Title = kit.Texts["monitoring_title"],
            Lead = lead,
            Items = facts.Take(AnswerKit.MaxItems).ToList(),
            Sources = [.. items.Select(i => i.Source), .. text?.Sources ?? []],
            Answered = answered,
            Suggestions = kit.DefaultSuggestions(),
            Context = kit.ContextOf(query, Intent),
        };
    }

    /// <summary>True when the publication's month, or the season it names ("voorjaar"), lies in <paramref name="period"/>.</summary>
    private bool InPeriod(MonitoringPublication publication, DateRange period)
    {
        var months = publication.Month is { } month ? [month]
            : kit.Words.Time.Seasons.Where(s => publication.When?.Contains(s.Key, StringComparison.OrdinalIgnoreCase) == true)
                .SelectMany(s => Enumerable.Range(s.Value[0], s.Value[^1] - s.Value[0] + 1)).ToList();
        return months.Exists(m => period.Contains(new DateOnly(publication.Year, m, 1)) || period.Contains(new DateOnly(publication.Year, m, DateTime.DaysInMonth(publication.Year, m))));
    }

    /// <summary>"het GVB 2022", "de Veiligheidsmonitor 2025": a year right after the publication's name names its edition.</summary>
    private bool YearNamesEdition(Query query, MonitoringKind kind)
    {
        var names = kit.Words.Monitoring.Kinds[kind.ToString()].Select(TextNormalizer.PhraseTokens).Where(p => p.Length == 1).Select(p => p[0]).ToHashSet(StringComparer.Ordinal);
        var tokens = query.Text.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (names.Contains(tokens[i].Text) && (tokens[i + 1].IsYear || kit.Words.Monitoring.EditionWords.Contains(tokens[i + 1].Text) && i + 2 < tokens.Count && NamesYear(tokens, i + 2)))
            {
                return true;
            }
        }

        return false;
    }

    private bool NamesYear(IReadOnlyList<Token> tokens, int at) =>
        tokens[at].IsYear || kit.Words.Time.RelativeYears.Keys.Select(TextNormalizer.PhraseTokens)
            .Any(p => TextNormalizer.PhraseAt(tokens, at, p));

    private Fact Line(MonitoringPublication publication)
    {
        var year = publication.Year.ToString(CultureInfo.InvariantCulture);
        // A news item that announced it dates it to the day; one about a planned edition says it has appeared.
        var news = publication.Month is null ? Announcement(publication) : null;
        var when = publication.Month is { } month ? DutchFormat.MonthYear(publication.Year, month)
            : news is not null ? DutchFormat.Date(news.Date)
            : publication.When is { } w ? (w.Contains(year, StringComparison.Ordinal) ? w : $"{w} {year}") : year;
        var key = news is not null ? "monitoring_published_on" : publication.Status == PublicationStatus.Published ? "monitoring_published" : "monitoring_planned";
        var text = kit.Texts.Format(key, publication.Title, when);
        if (publication.Performer is { } performer)
        {
            text += " " + kit.Texts.Format("monitoring_by", performer);
        }

        var source = news is not null ? new FactSource(kit.Texts.Format("news_source", DutchFormat.Date(news.Date)), news.Title, news.Source)
            : kit.SourceOf(publication.Source, kit.Texts["monitoring_title"]) ?? new FactSource("", kit.Texts["monitoring_title"], publication.Source);
        return new Fact(text, source);
    }

    /// <summary>
    /// The news item that announced a publication the reports date only by year ("Regionale Mensenhandelmonitor 2024
    /// verschenen", 17 juni 2025): its title names the publication and it appeared in the publication's year.
    /// </summary>
    private NewsItem? Announcement(MonitoringPublication publication)
    {
        var title = TextNormalizer.Tokens(publication.Title);
        return kit.Model.News.Where(n => n.Date.Year == publication.Year && title.All(TextNormalizer.Tokens(n.Title).Contains))
            .OrderBy(n => n.Date).FirstOrDefault();
    }
}

/// <summary>
/// "Wat is de Veiligheidsmonitor?", "wat is de VAR eigenlijk?": the newest report sentence that says what it is
/// ("De Veiligheidsmonitor is een bevolkingsonderzoek ..."); without one, the monitoring or search answer.
/// </summary>
internal sealed class DefinitionAnswerer(AnswerKit kit, SearchAnswerer search, MonitoringAnswerer monitoring) : IAnswerer
{
    /// <summary>How far into its sentence the name may stand ("De VeiligheidsAlliantie regio Rotterdam (VAR) is een").</summary>
    private const int NameReach = 6;
    private const int ElaborationSentences = 2;
    /// <summary>Words a sentence needs after its subject to say something.</summary>
    private const int MinClause = 4;
    /// <summary>How far into the next sentence the picked-up noun may stand ("In deze tool wordt ...").</summary>
    private const int PickUpReach = 3;

    public Intent Intent => Intent.Definition;

    public Reply Answer(Query query)
    {
        // "Wat is de afkorting RVO?": the subject is the acronym alone, besides the words that ask for it.
        var asks = kit.Words.Language.AcronymAskWords;
        var named = query.Subject.Where(w => !asks.Contains(w)).ToList();
        if (named.Count == 2 && named.Count(kit.Index.Acronyms.ContainsKey) == 1 && named.Exists(kit.Words.Language.AcronymKindWords.Contains))
        {
            // "Wat is het AVE-model?": the acronym is the subject; the other word says what kind of thing it is.
            named = [named.First(kit.Index.Acronyms.ContainsKey)];
        }

        var acronym = named.Count == 1 ? kit.Index.Acronyms.GetValueOrDefault(named[0]) : null;
        var asksExpansion = query.Text.Tokens.Any(t => asks.Contains(t.Text));
        var found = acronym is not null && asksExpansion ? null : Find(query.Subject);
        if (acronym is not null && found is null)
        {
            return Expansion(query, acronym);
        }

        if (found is { } definition)
        {
            var fact = definition.Fact;
            var more = Elaboration(definition.Entry, definition.Sentence).ToList();
            return new Reply
            {
                Intent = Intent,
                Template = "answer",
                Title = kit.Texts["search_title"],
                Lead = fact.Text,
                Items = more,
                Sources = [fact.Source, .. more.Select(m => m.Source)],
                Suggestions = kit.DefaultSuggestions(),
                Context = kit.ContextOf(query, Intent),
            };
        }

        return query.Monitoring is not null ? monitoring.Answer(query) : search.Answer(query);
    }

    /// <summary>"Waar staat ESSM voor?": the full name the report writes before "(ESSM)", and its sentence.</summary>
    private Reply Expansion(Query query, AcronymEntry acronym)
    {
        var source = kit.SourceOf(acronym.Entry);
        var marker = "(" + acronym.Definition.Written + ")";
        var sentence = Sentences.Split(acronym.Entry.Text).FirstOrDefault(s => s.Contains(marker, StringComparison.Ordinal) && !Sentences.IsDebris(s));
        return new Reply
        {
            Intent = Intent,
            Template = "answer",
            Title = kit.Texts["search_title"],
            Lead = kit.Texts.Format("acronym", acronym.Definition.Written, acronym.Definition.Name),
            Items = sentence is null ? [] : [new Fact(Sentences.Shorten(sentence), source)],
            Sources = [source],
            Suggestions = kit.DefaultSuggestions(),
            Context = kit.ContextOf(query, Intent),
        };
    }

    /// <summary>
    /// The sentence that says what the subject is, best first: "&lt;naam&gt; is een ..."; the name glossed in parentheses
    /// ("Niet-Pluissignalen (signalen van sociale problematiek)"); a sentence that opens with the
    /// name and says what it does ("Het Gezamenlijk Veiligheidsbeeld (GVB) stelt ... in staat"); a sentence naming it
    /// whose next sentence picks it up ("We volgen de pilot GVI. De pilot is erop gericht ..."). Newest report first.
    /// </summary>
    private (Fact Fact, PassageEntry Entry, int Sentence)? Find(IReadOnlyList<string> subject)
    {
        var name = subject[^1];
        (Fact Fact, PassageEntry Entry, int Sentence, int Tier)? best = null;
        foreach (var entry in kit.Index.Passages.Where(p => p.Text.Length > 0 && p.Analysed.Tokens.Any(t => t.Text == name)).OrderByDescending(p => p.Passage.Year))
        {
            var sentences = Sentences.Split(entry.Text);
            for (var s = 0; s < sentences.Count; s++)
            {
                var tokens = TextNormalizer.Tokens(sentences[s]);
                var at = tokens.IndexOf(name);
                if (at < 0 || !subject.All(tokens.Contains))
                {
                    continue;
                }

                var next = s + 1 < sentences.Count ? TextNormalizer.Tokens(sentences[s + 1]) : [];
                var first = at - (subject.Count - 1);
                var tier = IsDefinedAt(tokens, first, at) ? 4 : Glossed(sentences[s], name) ? 3 : OpensWith(sentences[s], tokens, subject, first, at) ? 2 : PicksUp(tokens, first, next) ? 1 : 0;
                if (tier > (best?.Tier ?? 0))
                {
                    best = (new Fact(Sentences.Shorten(sentences[s]), kit.SourceOf(entry)), entry, s, tier);
                }
            }
        }

        return best is { } found ? (found.Fact, found.Entry, found.Sentence) : null;
    }

    /// <summary>
    /// "&lt;naam&gt; is een ...": the name opens the sentence (after articles, or after its own full name when it is an
    /// acronym: "De VeiligheidsAlliantie regio Rotterdam (VAR) is een"), then the verb and an article.
    /// </summary>
    private bool IsDefinedAt(List<string> tokens, int first, int at)
    {
        var verb = AfterAcronym(tokens, at);
        return at <= NameReach && first >= 0 && verb + 1 < tokens.Count && kit.Words.Language.DefinitionVerbs.Contains(tokens[verb])
            && kit.Index.Analyzer.IsStopword(tokens[verb + 1]) && OnlyArticlesOrOwnName(tokens, first, tokens[at]);
    }

    /// <summary>
    /// "Het Gezamenlijk Veiligheidsbeeld (GVB) stelt ...": the sentence opens with the name as its subject, not as a label
    /// ("GVI: bespreking ..."), and holds no date or figure (a definition does not date itself: "Het project loopt door in 2021").
    /// </summary>
    private bool OpensWith(string sentence, List<string> tokens, IReadOnlyList<string> subject, int first, int at)
    {
        var after = AfterAcronym(tokens, at);
        // "Wat is het GVB?": an acronym alone opens the sentence behind its own full name.
        var acronym = subject.Count == 1 && kit.Index.Acronyms.ContainsKey(subject[0]);
        if (subject.Count < 2 && !acronym || first < 0 || first > 1 && !acronym || !OnlyArticlesOrOwnName(tokens, first, tokens[at]) || !subject.Select((w, i) => tokens[first + i] == w).All(b => b)
            || tokens.Count < after + MinClause || kit.Index.Analyzer.IsStopword(tokens[after]) || tokens.Any(t => t.Any(char.IsDigit)))
        {
            return false;
        }

        var verbAt = sentence.IndexOf(tokens[after], StringComparison.OrdinalIgnoreCase);
        return verbAt > 0 && !sentence[..verbAt].Contains(':', StringComparison.Ordinal);
    }

    /// <summary>
    /// "Niet-Pluissignalen (signalen van sociale problematiek)": the name with the report's own words for it in parentheses
    /// right after it; an acronym there ("Veiligheidsbeeld (GVB)") is a name, no gloss.
    /// </summary>
    private static bool Glossed(string sentence, string name)
    {
        var at = sentence.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var rest = sentence.AsSpan(at + name.Length).TrimStart();
        var close = rest.IndexOf(')');
        return rest.Length > 0 && rest[0] == '(' && close > 1 && rest[1..close].Trim().Contains(' ');
    }

    /// <summary>The token after the name, past an acronym in parentheses ("Veiligheidsbeeld (GVB) stelt").</summary>
    private int AfterAcronym(List<string> tokens, int at) => at + 1 < tokens.Count && kit.Index.Acronyms.ContainsKey(tokens[at + 1]) ? at + 2 : at + 1;

    private bool OnlyArticlesOrOwnName(List<string> tokens, int first, string name)
    {
        var before = tokens.Take(first).Where(t => !kit.Index.Analyzer.IsStopword(t)).ToList();
        return before.Count == 0 || kit.Index.Acronyms.TryGetValue(name, out var acronym) && before.SequenceEqual(acronym.Definition.Words.Where(w => !kit.Index.Analyzer.IsStopword(w)));
    }

    /// <summary>
    /// "We volgen de pilot GVI. De pilot is erop gericht ...": the next sentence opens on the noun right before or opening
    /// the name ("pilot"; "interventietool (Ont)wapenend" picked up as "deze tool").
    /// </summary>
    private bool PicksUp(List<string> tokens, int first, List<string> next)
    {
        if (first < 1)
        {
            return false;
        }

        var language = kit.Words.Language;
        bool Verb(string t) => language.DefinitionVerbs.Contains(t) || language.DescriptionVerbs.Contains(t);
        var noun = next.Take(PickUpReach).FirstOrDefault(t => !kit.Index.Analyzer.IsStopword(t) && !Verb(t));
        return noun is { Length: > 2 } && (tokens[first - 1].EndsWith(noun, StringComparison.Ordinal) || tokens[first].EndsWith(noun, StringComparison.Ordinal))
            && next.Count >= MinClause && next.Take(PickUpReach + 1).Any(Verb);
    }

    /// <summary>What the report says right after its definition: the next sentences of the passage, or of the next passage of the section.</summary>
    private IEnumerable<Fact> Elaboration(PassageEntry entry, int sentence)
    {
        var next = Sentences.Split(entry.Text).Skip(sentence + 1).Select(s => (Text: s, Entry: entry)).ToList();
        if (next.Count == 0 && entry.Index + 1 < kit.Index.Passages.Count && kit.Index.Passages[entry.Index + 1] is var after
            && after.Passage.ReportId == entry.Passage.ReportId && after.Passage.Section == entry.Passage.Section && after.Text.Length > 0)
        {
            next = Sentences.Split(after.Text).Select(s => (Text: s, Entry: after)).ToList();
        }

        return next.Take(ElaborationSentences).Where(n => !Sentences.IsDebris(n.Text)).Select(n => new Fact(Sentences.Shorten(n.Text), kit.SourceOf(n.Entry)));
    }
}
