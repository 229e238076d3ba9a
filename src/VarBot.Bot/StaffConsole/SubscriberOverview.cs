using System.Text.Json;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Bot.StaffConsole;

/// <summary>Subscribers of one theme (or of no theme, or of a theme id that is no current theme), confirmed and pending.</summary>
public sealed record ThemeCount(string Label, string? ThemeId, int Confirmed, int Pending, bool Unknown);

/// <summary>The console's view of all subscribers: totals and counts per theme.</summary>
public sealed record SubscriberCounts(int Confirmed, int Pending, IReadOnlyList<ThemeCount> Themes);

/// <summary>One subscriber as the console lists it.</summary>
public sealed record SubscriberRow(string Email, string? Name, IReadOnlyList<string> Themes, bool Confirmed, string Since, string Source);

/// <summary>
/// Reads every subscriber blob (in parallel: one blob per subscriber) for the console's counts, search and export.
/// An unreadable blob is logged by key and left out; addresses never reach the logs.
/// </summary>
internal sealed class SubscriberOverview(SubscriberStore store, ILogger<SubscriberOverview> logger)
{
    /// <summary>Search results shown at most; a broader search asks staff to narrow it.</summary>
    public const int MaxResults = 50;

    private const int Readers = 16;

    public async Task<IReadOnlyList<Subscriber>> AllAsync(CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync(cancellationToken))
        {
            keys.Add(key);
        }

        var found = new Subscriber?[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), new ParallelOptions { MaxDegreeOfParallelism = Readers, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            try
            {
                found[i] = (await store.GetByKeyAsync(keys[i], ct))?.Subscriber;
            }
            catch (JsonException ex)
            {
                logger.ConsoleSubscriberUnreadable(ex, SubscriberStore.BlobName(keys[i]));
            }
        });
        return found.OfType<Subscriber>().ToList();
    }

    /// <summary>Confirmed and pending subscribers per current theme (in the model's order), then those without a theme and any theme id the model does not hold as current.</summary>
    public static SubscriberCounts Count(IReadOnlyList<Subscriber> subscribers, IReadOnlyList<Theme> themes)
    {
        var current = themes.Where(t => t.IsCurrent).ToList();
        var rows = new List<ThemeCount>();
        foreach (var theme in current)
        {
            var of = subscribers.Where(s => s.Themes.Contains(theme.Id, StringComparer.Ordinal)).ToList();
            rows.Add(new ThemeCount(theme.Name, theme.Id, of.Count(IsConfirmed), of.Count(s => !IsConfirmed(s)), false));
        }

        var none = subscribers.Where(s => s.Themes.Count == 0).ToList();
        rows.Add(new ThemeCount(Texts.BotTexts.ConsoleNoThemeChosen, null, none.Count(IsConfirmed), none.Count(s => !IsConfirmed(s)), false));
        var currentIds = current.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in subscribers.SelectMany(s => s.Themes).Where(id => !currentIds.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var of = subscribers.Where(s => s.Themes.Contains(stray, StringComparer.Ordinal)).ToList();
            rows.Add(new ThemeCount(stray, stray, of.Count(IsConfirmed), of.Count(s => !IsConfirmed(s)), true));
        }

        return new SubscriberCounts(subscribers.Count(IsConfirmed), subscribers.Count(s => !IsConfirmed(s)), rows);
    }

    /// <summary>
    /// A full address is looked up by its key (one read); anything else of at least three characters is a part of an
    /// address, matched case-insensitively over all subscribers. Sorted by address, at most <see cref="MaxResults"/> + 1.
    /// </summary>
    public async Task<IReadOnlyList<Subscriber>> SearchAsync(string query, CancellationToken cancellationToken)
    {
        query = query.Trim();
        if (SubscriptionService.IsValidAddress(query) && await store.GetAsync(query, cancellationToken) is { } exact)
        {
            return [exact.Subscriber];
        }

        var all = await AllAsync(cancellationToken);
        return all.Where(s => s.Email.Contains(query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Email, StringComparer.OrdinalIgnoreCase)
            .Take(MaxResults + 1)
            .ToList();
    }

    public static SubscriberRow Row(Subscriber subscriber, IReadOnlyList<Theme> themes)
    {
        var names = themes.Where(t => t.IsCurrent).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        return new SubscriberRow(
            subscriber.Email,
            subscriber.Name,
            subscriber.Themes.Select(id => names.GetValueOrDefault(id) is { } name ? name : id + " " + Texts.BotTexts.ConsoleUnknownTheme).ToList(),
            IsConfirmed(subscriber),
            Knowledge.Dutch.DutchFormat.Date(DateOnly.FromDateTime((subscriber.ConfirmedAt ?? subscriber.CreatedAt).UtcDateTime)),
            subscriber.ConsentSource);
    }

    private static bool IsConfirmed(Subscriber subscriber) => subscriber.Status == SubscriberStatus.Confirmed;
}
