using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>
/// Merges mentions of the same meeting into one event: same type and the same date, or the same year and
/// month when one of them gives only the month (the plan's agenda "7 april 2025 Leerhuis" and the next
/// report's "Leerhuis Criminele Uitbuiting (april)"). A merged event takes the full date, the most specific
/// title and topic (from the report that held it, if any), and every source; it is Held when any report
/// recounts it as done.
/// </summary>
internal static class EventMerger
{
    public static List<Event> Merge(IEnumerable<EventMention> mentions)
    {
        var groups = new List<List<EventMention>>();
        foreach (var m in mentions.OrderBy(m => m.Date is null).ThenBy(m => m.Source.File, StringComparer.Ordinal).ThenBy(m => m.Source.Line))
        {
            var group = groups.FirstOrDefault(g => g[0].Type == m.Type && Same(g, m));
            if (group is null)
            {
                groups.Add([m]);
            }
            else
            {
                group.Add(m);
            }
        }

        var events = new List<Event>();
        var ids = new HashSet<string>();
        foreach (var g in groups)
        {
            var dated = g.FirstOrDefault(m => m.Date is not null);
            var held = g.Where(m => m.Held).ToList();
            var preferred = held.Count > 0 ? held : g;
            var titled = preferred.OrderByDescending(m => m.Topic is not null).ThenByDescending(m => m.Title.Length).First();
            var first = g[0];
            var date = dated?.Date;
            var id = date is { } d ? $"{d:yyyy-MM-dd}-{first.Type.ToString().ToLowerInvariant()}"
                : $"{first.Year}-{first.Month:00}-{first.Type.ToString().ToLowerInvariant()}";
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{id}-{n}";
            }

            events.Add(new Event(
                id,
                first.Type,
                titled.Title,
                preferred.Select(m => m.Topic).FirstOrDefault(t => t is not null) ?? g.Select(m => m.Topic).FirstOrDefault(t => t is not null),
                g.Select(m => m.ThemeId).FirstOrDefault(t => t is not null),
                date,
                date?.Year ?? first.Year,
                date?.Month ?? g.Select(m => m.Month).FirstOrDefault(mo => mo is not null),
                g.Select(m => m.Time).FirstOrDefault(t => t is not null),
                g.Select(m => m.Place).FirstOrDefault(t => t is not null),
                held.Count > 0 ? EventStatus.Held : EventStatus.Planned,
                g.Select(m => m.Source).Distinct().ToList()));
        }

        return events.OrderBy(e => e.Year).ThenBy(e => e.Month ?? 13).ThenBy(e => e.Date?.Day ?? 0).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    private static bool Same(List<EventMention> group, EventMention m)
    {
        var dated = group.FirstOrDefault(x => x.Date is not null);
        if (m.Date is not null && dated is not null)
        {
            return m.Date == dated.Date;
        }

        var year = dated?.Year ?? group[0].Year;
        var month = dated?.Month ?? group[0].Month;
        return m.Year == year && m.Month is not null && m.Month == month;
    }
}
