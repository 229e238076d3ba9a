using System.Text.Json.Nodes;
using VarBot.Answering.Handlers;
using VarBot.Answering.Text;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

public sealed partial class AnswerEngine
{
    private Reply? AnswerEvents(QuestionSlots slots, DateOnly today)
    {
        var typeKey = slots.EventType?.ToString() ?? "any";
        var all = model.Events.Where(e => slots.EventType is null || e.Type == slots.EventType).ToList();
        var followId = slots.Content.FirstOrDefault(c => c.StartsWith("@event:", StringComparison.Ordinal))?[7..];
        if (followId is not null && model.Events.FirstOrDefault(e => e.Id == followId) is { } followed && slots.Years.Count == 0)
        {
            return EventReply(slots, today, [followed], phrases.Format("event_named", Capital(followed.Title), DutchFormat.When(followed)));
        }

        if (all.Count == 0)
        {
            return null;
        }

        all = FilterBySeason(all, slots.Season);
        var typed = all;
        var named = all.Count;
        all = FilterByWords(all, slots);
        named = all.Count < named ? all.Count : 0;
        if (all.Count == 0)
        {
            return null;
        }

        if (named > 0 && slots.Years.Count == 0 && slots.Month is null && !slots.Next && !slots.Today && slots.Date is null && !slots.First)
        {
            // A question that names the event ("het leerhuis femicide"): its date, upcoming or past.
            var byName = all.OrderBy(SortDate).ToList();
            var pick = byName.FirstOrDefault(e => IsUpcoming(e, today) && e.Status != EventStatus.Cancelled) ?? byName[^1];
            var key = IsUpcoming(pick, today) ? "event_named_future" : "event_named_past";
            return EventReply(slots, today, [pick], phrases.Format(key, Capital(pick.Title), WhenPhrase(pick)));
        }

        var ordered = all.OrderBy(SortDate).ToList();
        var label = phrases["type_" + typeKey];
        var plural = phrases["types_" + typeKey];
        var article = lexicon.EventTypeArticles.GetValueOrDefault(typeKey, "de");

        if (slots.Today || slots.Date is not null)
        {
            var day = slots.Date ?? today;
            var onDay = ordered.Where(e => e.Date == day).ToList();
            if (onDay.Count > 0)
            {
                return EventReply(slots, today, onDay, phrases.Format("event_today", DutchFormat.Date(day), label));
            }

            var nextAfter = ordered.Where(e => IsUpcoming(e, today) && e.Status != EventStatus.Cancelled).ToList();
            var text = phrases.Format("event_not_today", label);
            if (nextAfter.Count > 0)
            {
                text += " " + phrases.Format("event_next_" + article, label, WhenPhrase(nextAfter[0]));
            }

            return EventReply(slots, today, nextAfter.Take(1).ToList(), text);
        }

        if (slots.Month is { } askedMonth && slots.Years.Count == 0)
        {
            // A month without a year is the coming one, or the last one for a question in the past tense.
            slots.Years.Add(slots.Past
                ? (askedMonth <= today.Month ? today.Year : today.Year - 1)
                : (askedMonth >= today.Month ? today.Year : today.Year + 1));
        }

        var hasPeriod = slots.Years.Count > 0 || slots.Month is not null;
        if (hasPeriod && !(slots.Next && slots.Years.Count == 0))
        {
            var inPeriod = InPeriod(ordered, slots);
            if (inPeriod.Count == 0 && named > 0)
            {
                // The words named an event of another year ("het leerhuis zorg en veiligheid dit jaar"): the year wins.
                inPeriod = InPeriod(FilterByWords(typed.Where(e => InPeriod([e], slots).Count > 0).ToList(), slots).OrderBy(SortDate).ToList(), slots);
            }

            var period = slots.Month is { } m2
                ? $"{DutchFormat.MonthName(m2)} {(slots.Years.Count > 0 ? slots.Years[0] : today.Year)}"
                : string.Join(" en ", slots.Years);
            if (inPeriod.Count == 0)
            {
                var none = NotFound(phrases.Format(slots.YesNo ? "event_list_none_no" : slots.Month is null ? "event_list_none" : "event_list_none_month", label, period));
                if (slots.YesNo && ordered.LastOrDefault(e => SortDate(e) < PeriodStart(slots, today)) is { } before)
                {
                    none.Text += " " + phrases.Format("event_before_period", Capital(before.Title), DutchFormat.When(before));
                    none.Data["text"] = none.Text;
                }

                var periodStart = PeriodStart(slots, today);
                if (ordered.FirstOrDefault(e => SortDate(e) > periodStart && InPeriod([e], slots).Count == 0) is { } laterEvent)
                {
                    none.Text += " " + phrases.Format("event_after_period", Capital(laterEvent.Title), DutchFormat.When(laterEvent));
                    none.Data["text"] = none.Text;
                }

                none.Intent = "event";
                none.Slots["years"] = string.Join(',', slots.Years);
                if (slots.EventType is { } t)
                {
                    none.Slots["eventType"] = t.ToString();
                }

                return none;
            }

            if (slots.First)
            {
                inPeriod = inPeriod.Take(1).ToList();
                return EventReply(slots, today, inPeriod, phrases.Format("event_first_" + article, label, period, WhenPhrase(inPeriod[0])));
            }

            if (inPeriod.Count == 1)
            {
                var e = inPeriod[0];
                var key = IsUpcoming(e, today) ? "event_named_future" : "event_named_past";
                return EventReply(slots, today, inPeriod, YesNo(slots, phrases.Format(key, Capital(e.Title), WhenPhrase(e))));
            }

            return EventReply(slots, today, inPeriod, YesNo(slots, phrases.Format("event_list", plural, period, inPeriod.Count)));
        }

        if ((slots.Last || slots.Past) && !slots.Next)
        {
            var past = ordered.Where(e => !IsUpcoming(e, today)).ToList();
            if (past.Count > 0)
            {
                var e = past[^1];
                return EventReply(slots, today, [e], phrases.Format("event_named_past", Capital(e.Title), WhenPhrase(e)));
            }
        }

        var upcoming = ordered.Where(e => IsUpcoming(e, today) && e.Status != EventStatus.Cancelled).ToList();
        if (slots.MonthRange is { } after)
        {
            upcoming = upcoming.Where(e => (e.Date?.Month ?? e.Month ?? 0) is var m && m >= after.From && m <= after.To && e.Year == today.Year).ToList();
        }

        if (upcoming.Count > 0)
        {
            var first = upcoming[0];
            var text = slots.EventType is null
                ? phrases.Format("event_next_any", Capital(first.Title), WhenPhrase(first))
                : phrases.Format("event_next_" + article, label, WhenPhrase(first));
            if (slots.EventType is not null && !Same(first.Title, label))
            {
                text = phrases.Format("event_named_future", Capital(first.Title), WhenPhrase(first));
            }

            return EventReply(slots, today, upcoming.Take(4).ToList(), text);
        }

        var last = ordered.LastOrDefault(e => !IsUpcoming(e, today));
        var reply = last is null
            ? NotFound(phrases.Format("event_none", label))
            : EventReply(slots, today, [last], slots.EventType is null
                ? phrases.Format("event_none_after_any", DutchFormat.Date(today), Capital(last.Title), WhenPhrase(last))
                : phrases.Format("event_none_after_" + article, label, DutchFormat.Date(today), WhenPhrase(last)));
        reply.Intent = "event";
        return reply;
    }

    /// <summary>When an event is, with its preposition: "op 16 oktober 2025", "in oktober 2025", "in 2025".</summary>
    private string WhenPhrase(Event e) =>
        phrases.Format(e.Date is not null ? "when_day" : e.Month is not null ? "when_month" : "when_year", DutchFormat.When(e));

    private string YesNo(QuestionSlots slots, string text) => slots.YesNo ? phrases.Format("event_yes", text) : text;

    private static List<Event> InPeriod(List<Event> events, QuestionSlots slots)
    {
        var inPeriod = events.Where(e => slots.Years.Count == 0 || slots.Years.Contains(e.Year)).ToList();
        if (slots.Month is { } month)
        {
            inPeriod = inPeriod.Where(e => e.Month == month || e.Date?.Month == month).ToList();
        }

        if (slots.MonthRange is { } range)
        {
            inPeriod = inPeriod.Where(e => (e.Date?.Month ?? e.Month ?? 0) is var m && m >= range.From && m <= range.To).ToList();
        }

        return inPeriod;
    }

    private static DateOnly PeriodStart(QuestionSlots slots, DateOnly today)
    {
        var year = slots.Years.Count > 0 ? slots.Years.Min() : today.Year;
        return new DateOnly(year, slots.Month ?? slots.MonthRange?.From ?? 1, 1);
    }

    private static bool Same(string a, string b) =>
        string.Equals(TextNormalizer.Normalize(a).Trim(), TextNormalizer.Normalize(b).Trim(), StringComparison.Ordinal);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static DateOnly SortDate(Event e) => e.Date ?? new DateOnly(e.Year, e.Month ?? 12, e.Month is null ? 31 : 28);

    private static bool IsUpcoming(Event e, DateOnly today)
    {
        if (e.Date is { } date)
        {
            return date >= today;
        }

        if (e.Month is { } month)
        {
            return e.Year > today.Year || e.Year == today.Year && month > today.Month;
        }

        return e.Year > today.Year;
    }

    private List<Event> FilterBySeason(List<Event> events, string? season)
    {
        if (season is null)
        {
            return events;
        }

        var byTitle = events.Where(e => TextNormalizer.Normalize(e.Title).Contains(season, StringComparison.Ordinal)).ToList();
        if (byTitle.Count > 0)
        {
            return byTitle;
        }

        var (from, to) = season == "voorjaar" ? (1, 6) : (7, 12);
        return events.Where(e => (e.Date?.Month ?? e.Month ?? 0) is var m && m >= from && m <= to).ToList();
    }

    private List<Event> FilterByWords(List<Event> events, QuestionSlots slots)
    {
        var words = slots.Tokens
            .Where(t => !analyzer.IsStopword(t) && !extractor.IsSlotWord(t) && !lexicon.AgendaWords.Contains(t)
                && !lexicon.ActivityWords.Contains(t) && !t.Any(char.IsDigit) && lexicon.SeasonWords.Values.All(v => !v.Contains(t)))
            .Select(QueryAnalyzer.Stem)
            .ToHashSet();
        if (words.Count == 0)
        {
            return events;
        }

        var scored = events
            .Select(e => (Event: e, Score: eventStems[e.Id].Count(words.Contains)))
            .ToList();
        var best = scored.Max(s => s.Score);
        return best == 0 ? events : scored.Where(s => s.Score == best).Select(s => s.Event).ToList();
    }

    private Reply EventReply(QuestionSlots slots, DateOnly today, List<Event> events, string text)
    {
        var reply = new Reply("event", "events") { Text = text, Title = phrases["events_title"] };
        var array = new JsonArray();
        foreach (var e in events)
        {
            var item = new JsonObject
            {
                ["id"] = e.Id,
                ["date"] = DutchFormat.When(e),
                ["type"] = phrases["type_" + e.Type],
                ["title"] = e.Title,
                ["status"] = e.Status == EventStatus.Cancelled ? phrases["event_cancelled"]
                    : IsUpcoming(e, today) ? phrases["event_planned"] : phrases["event_held"],
            };
            if (!string.IsNullOrWhiteSpace(e.Topic))
            {
                item["topic"] = e.Topic;
            }

            if (!string.IsNullOrWhiteSpace(e.Place))
            {
                item["place"] = e.Place;
            }

            array.Add(item);
            foreach (var source in e.Sources)
            {
                if (SourceForFile(source, phrases["events_title"]) is { } answerSource)
                {
                    reply.Sources.Add(answerSource);
                }
            }
        }

        reply.Data["events"] = array;
        reply.Slots["years"] = string.Join(',', slots.Years);
        if (slots.Years.Count == 0)
        {
            reply.Slots.Remove("years");
        }

        if (slots.EventType is { } type)
        {
            reply.Slots["eventType"] = type.ToString();
        }

        if (slots.Season is { } season)
        {
            reply.Slots["season"] = season;
        }

        if (events.Count == 1)
        {
            reply.Slots["eventId"] = events[0].Id;
        }

        var year = events.Count > 0 ? events[0].Year : today.Year;
        reply.Suggestions.Add(phrases["suggest_next_leerhuis"]);
        reply.Suggestions.Add(phrases.Format("suggest_leerhuizen_year", year));
        reply.Suggestions.Add(phrases["suggest_themes"]);
        return reply;
    }
}
