using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>
/// Merges mentions of the same meeting into one event: same type and the same date, or the same year and
/// month when one of them gives only the month (the plan's agenda "7 april 2025 Leerhuis" and the next
/// report's "Leerhuis Criminele Uitbuiting (april)"). A merged event takes the full date, the most specific
/// title and topic (from the report that held it, if any), and every source; it is Held when any report
/// recounts it as done, Cancelled when a report says it was cancelled.
/// <para>
/// A name that a dated or month mention gives next to another name ("het Leerhuis 'Achter gesloten deuren'" in
/// september beside "Leerhuis Femicide (september)") is kept in the title as an alternative name.
/// </para>
/// <para>
/// Year-only mentions (a type and a topic, no month) are attached afterwards, to the one event of that type and
/// year whose title or topic shares a content word with the mention's topic, or to the event its ordinal names
/// ("Het eerste Leerhuis van 2026"). They add a source, and a topic where the event has none; they never change a
/// date. A year-only mention that matches no event, or several, stays an event of its own without month.
/// </para>
/// </summary>
internal static class EventMerger
{
    private sealed class Group(EventMention first)
    {
        public List<EventMention> Mentions { get; } = [first];

        /// <summary>Year-only mentions attached after the dated merge: sources and a fallback topic only.</summary>
        public List<EventMention> Attached { get; } = [];

        public EventMention First => Mentions[0];

        public EventMention? Dated => Mentions.FirstOrDefault(m => m.Date is not null);

        public int Year => Dated?.Year ?? First.Year;

        public int? Month => Dated?.Month ?? Mentions.Select(m => m.Month).FirstOrDefault(m => m is not null);
    }

    public static List<Event> Merge(IEnumerable<EventMention> mentions)
    {
        var all = mentions.ToList();
        var groups = new List<Group>();
        foreach (var m in all.Where(m => m.Month is not null)
                     .OrderBy(m => m.Date is null).ThenBy(m => m.Source.File, StringComparer.Ordinal).ThenBy(m => m.Source.Line))
        {
            var group = groups.FirstOrDefault(g => g.First.Type == m.Type && Same(g, m));
            if (group is null)
            {
                groups.Add(new Group(m));
            }
            else
            {
                group.Mentions.Add(m);
            }
        }

        var dated = groups.ToList();
        // Recaps first, so that a plan's year-only mention can find the held meeting a recap attached to.
        foreach (var m in all.Where(m => m.Month is null).OrderByDescending(m => m.Held)
                     .ThenBy(m => m.Source.File, StringComparer.Ordinal).ThenBy(m => m.Source.Line))
        {
            var target = AttachTarget(dated, m);
            if (target is not null)
            {
                target.Attached.Add(m);
                continue;
            }

            var same = groups.FirstOrDefault(g => g.Month is null && g.First.Type == m.Type && g.Year == m.Year && SharedWords(m.Topic, g.First.Title + " " + g.First.Topic) > 0);
            if (same is not null)
            {
                same.Mentions.Add(m);
            }
            else
            {
                groups.Add(new Group(m));
            }
        }

        var events = new List<Event>();
        var ids = new HashSet<string>();
        foreach (var g in groups)
        {
            events.Add(ToEvent(g, ids));
        }

        return events.OrderBy(e => e.Year).ThenBy(e => e.Month ?? 13).ThenBy(e => e.Date?.Day ?? 0).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    private static Event ToEvent(Group g, HashSet<string> ids)
    {
        var all = g.Mentions.Concat(g.Attached).ToList();
        var held = g.Mentions.Where(m => m.Held).ToList();
        var preferred = held.Count > 0 ? held : g.Mentions;
        var titled = preferred.OrderByDescending(m => m.Topic is not null).ThenByDescending(m => m.Title.Length).First();
        var first = g.First;
        var date = g.Dated?.Date;
        var type = first.Type.ToString().ToLowerInvariant();
        var id = date is { } d ? $"{d:yyyy-MM-dd}-{type}"
            : g.Month is { } month ? $"{g.Year}-{month:00}-{type}" : $"{g.Year}-{type}";
        for (var n = 2; !ids.Add(id); n++)
        {
            id = $"{id}-{n}";
        }

        var topic = preferred.Select(m => m.Topic).FirstOrDefault(t => t is not null)
            ?? g.Mentions.Select(m => m.Topic).FirstOrDefault(t => t is not null)
            ?? g.Attached.Where(m => !m.WeakTopic).Select(m => m.Topic).FirstOrDefault(t => t is not null);
        var title = titled.Title;
        if (!title.Contains(' ', StringComparison.Ordinal))
        {
            // A one-word title ("Mensenhandelcongres") gives way to a named one from an attached mention ("Congres Mensenhandel").
            var named = g.Attached.Select(m => m.Title).FirstOrDefault(t => t.Contains(' ', StringComparison.Ordinal) && t.Length > title.Length);
            title = named ?? title;
        }

        foreach (var alt in g.Mentions.Select(m => m.Name).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!title.Contains(alt, StringComparison.OrdinalIgnoreCase) && !(topic ?? "").Contains(alt, StringComparison.OrdinalIgnoreCase))
            {
                title = $"{title} ('{alt}')";
            }
        }

        var status = all.Any(m => m.Cancelled) ? EventStatus.Cancelled
            : all.Any(m => m.Held) ? EventStatus.Held
            : EventStatus.Planned;
        return new Event(
            id,
            first.Type,
            title,
            topic,
            all.Select(m => m.ThemeId).FirstOrDefault(t => t is not null),
            date,
            date?.Year ?? g.Year,
            date?.Month ?? g.Month,
            all.Select(m => m.Time).FirstOrDefault(t => t is not null),
            all.Select(m => m.Place).FirstOrDefault(t => t is not null),
            status,
            all.Select(m => m.Source).Distinct().ToList());
    }

    private static Group? AttachTarget(List<Group> dated, EventMention m)
    {
        var candidates = dated.Where(g => g.First.Type == m.Type && g.Year == m.Year)
            .OrderBy(g => g.Month).ThenBy(g => g.Dated?.Date).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (m.Ordinal is { } ordinal)
        {
            var index = ordinal < 0 ? candidates.Count - 1 : ordinal - 1;
            return index < candidates.Count ? candidates[index] : null;
        }

        var scored = candidates
            .Select(g => (Group: g, Score: SharedWords(m.Title + " " + m.Topic, string.Join(' ', g.Mentions.Concat(g.Attached).Select(x => x.Title + " " + x.Topic)))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ToList();
        if (scored.Count == 1 || (scored.Count > 1 && scored[0].Score > scored[1].Score))
        {
            return scored[0].Group;
        }

        // No shared word: the one meeting of that type and year that a recap placed under the same theme
        // (the plan's "leerhuis Mensenhandel" and the recap's Leerhuis under Mensenhandel).
        if (scored.Count == 0 && !m.Held && m.ThemeId is not null)
        {
            var sameTheme = candidates.Where(g => g.Attached.Concat(g.Mentions).Any(x => x.Held && x.ThemeId == m.ThemeId)).ToList();
            return sameTheme.Count == 1 ? sameTheme[0] : null;
        }

        return null;
    }

    /// <summary>Distinct content words (first six letters, so "demonstratierecht" meets "Demonstraties") the two texts share.</summary>
    private static int SharedWords(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return 0;
        }

        return Stems(a).Intersect(Stems(b)).Count();
    }

    private static readonly HashSet<string> CommonWords =
        ["veilig", "regio", "region", "gemeen", "bijeen", "leerhu", "webina", "netwer", "confer", "congre", "sympos", "traini", "carrou", "kennis", "samenw", "openba", "handha", "spanni", "aandac", "ontwik"];

    private static IEnumerable<string> Stems(string text) =>
        text.ToLowerInvariant()
            .Split([' ', ',', '.', ':', ';', '\'', '"', '(', ')', '/', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 5)
            .Select(w => w[..Math.Min(6, w.Length)])
            .Where(w => !CommonWords.Contains(w))
            .Distinct();

    private static bool Same(Group group, EventMention m)
    {
        var dated = group.Dated;
        if (m.Date is not null && dated is not null)
        {
            return m.Date == dated.Date;
        }

        return m.Year == group.Year && m.Month is not null && m.Month == group.Month;
    }
}
