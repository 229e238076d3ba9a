namespace VarBot.Knowledge.Model;

/// <summary>
/// The model as a member could know it on a given day. A report "jaarverslag Y / jaarplan Y+1" counts from the first
/// day of its report year Y (the network announces its plans ahead of the report, so its agenda is known during Y);
/// a news item from its date. A jaarrekening of a year that has not ended is never known, whichever report holds it.
/// </summary>
public static class ModelAsOf
{
    /// <summary>What is known on <paramref name="day"/>: equal keys give equal models, so one model can serve many days.</summary>
    public static AsOfKey KeyOn(KnowledgeModel model, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reports = model.Reports.Count(r => r.ReportYear <= day.Year);
        var news = model.News.Count(n => n.Date <= day);
        var accounts = model.Budgets.Count(b => b.Kind == BudgetKind.Jaarrekening && b.Year < day.Year);
        return new AsOfKey(reports, news, accounts);
    }

    /// <summary>Whether <paramref name="key"/> knows all of the model.</summary>
    public static bool IsComplete(KnowledgeModel model, AsOfKey key) =>
        key.Reports == model.Reports.Count && key.News == model.News.Count
        && key.Accounts == model.Budgets.Count(b => b.Kind == BudgetKind.Jaarrekening);

    /// <summary>The part of the model known on <paramref name="day"/>; every kept fact is unchanged.</summary>
    public static KnowledgeModel On(KnowledgeModel model, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reports = model.Reports.Where(r => r.ReportYear <= day.Year).ToList();
        var reportIds = reports.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var news = model.News.Where(n => n.Date <= day).ToList();
        var known = reports.Select(r => r.SourceFile).Concat(news.Select(n => n.Source.File)).ToHashSet(StringComparer.Ordinal);
        var dated = model.Reports.Select(r => r.SourceFile).Concat(model.News.Select(n => n.Source.File)).ToHashSet(StringComparer.Ordinal);
        // A file that is neither a report nor a news item (themes.yaml, corrections) is always known.
        bool Known(SourceRef source) => known.Contains(source.File) || !dated.Contains(source.File);
        // The themes of the newest known report are that day's themes.
        var newest = reports.MaxBy(r => r.ReportYear);
        var current = model.Passages.Where(p => p.ReportId == newest?.Id && p.ThemeId is not null).Select(p => p.ThemeId!).ToHashSet(StringComparer.Ordinal);
        return model with
        {
            Reports = reports,
            Themes = [.. model.Themes.Select(t => t with { IsCurrent = current.Contains(t.Id) })],
            Organisation = [.. model.Organisation.Where(o => reportIds.Contains(o.ReportId))],
            Passages = [.. model.Passages.Where(p => reportIds.Contains(p.ReportId))],
            Budgets = [.. model.Budgets.Where(b => reportIds.Contains(b.ReportId) && (b.Kind != BudgetKind.Jaarrekening || b.Year < day.Year))],
            Events = [.. model.Events.Select(e => e with { Sources = [.. e.Sources.Where(Known)] }).Where(e => e.Sources.Count > 0)],
            Monitoring = [.. model.Monitoring.Where(m => Known(m.Source))],
            News = news,
        };
    }
}

/// <summary>How much of the model a day knows: reports, news items and jaarrekeningen.</summary>
public readonly record struct AsOfKey(int Reports, int News, int Accounts);
