using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using VarBot.Knowledge.Model;

namespace VarBot.Bot.Teams;

/// <summary>Configuration section "Teams": proactive posts to channels (the nieuwsbrief summary).</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>Teams' global connector; a channel entry or the address Teams used in the channel may say otherwise.</summary>
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";

    /// <summary>The connector proactive posts go to when a channel entry names none.</summary>
    [Required]
    public Uri ServiceUrl { get; set; } = new(DefaultServiceUrl);

    /// <summary>The bot's Teams id ("28:&lt;app id&gt;"); derived from Bot:MicrosoftAppId when empty.</summary>
    public string? BotId { get; set; }

    /// <summary><see cref="BotId"/>, else "28:" and the bot's app id.</summary>
    public string? EffectiveBotId(VarBot.Protocol.BotOptions bot) =>
        !string.IsNullOrWhiteSpace(BotId) ? BotId : bot.IsAuthenticationEnabled ? "28:" + bot.MicrosoftAppId : null;

    /// <summary>The Entra tenant of the channels, when a channel entry names none.</summary>
    public string? TenantId { get; set; }

    /// <summary>Channels that get a summary card of every nieuwsbrief issue that is sent.</summary>
    public List<NewsletterChannel> NewsletterChannels { get; set; } = [];

    /// <summary>How often the issue store is checked for a newly sent issue.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan ChannelPostInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Issues sent longer ago than this are not posted (e.g. when a channel is added later).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan ChannelPostMaxAge { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>A Teams channel for nieuwsbrief posts; the id is the "19:...@thread.tacv2" of "Koppeling naar kanaal ophalen".</summary>
public sealed class NewsletterChannel
{
    [Required]
    public string Id { get; set; } = "";

    /// <summary>For operators only (logs and this file), e.g. "VAR-netwerk / Algemeen".</summary>
    public string? Name { get; set; }

    public Uri? ServiceUrl { get; set; }

    public string? TenantId { get; set; }
}

/// <summary>Configuration section "Reminders": the opt-in reminders before Leerhuizen and other meetings.</summary>
public sealed class RemindersOptions
{
    public const string SectionName = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the service checks for due reminders.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Reminders go out from this time of day (Europe/Amsterdam) on their day.</summary>
    public TimeOnly SendFrom { get; set; } = new(9, 0);

    /// <summary>Days before the event that a reminder is sent; each reminder goes out once, until the next one is due.</summary>
    [Required]
    public int[] DaysBefore { get; set; } = [7, 1];

    /// <summary>The kinds of meeting members are reminded of.</summary>
    [Required]
    public EventType[] EventTypes { get; set; } = [EventType.Leerhuis, EventType.Carrousel, EventType.Conferentie];

    /// <summary>Starting pace of a run; on 429 the run slows down (Teams allows a few messages per second per conversation and about 50 per second per app).</summary>
    [Range(0.1, 1000)]
    public double MessagesPerSecond { get; set; } = 10;

    [Range(1, 64)]
    public int MaxParallel { get; set; } = 4;

    /// <summary>Tries per reminder (429 and connector failures), within a run and across runs.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How long the lease outlives a host that crashed mid-run (15 to 60 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:01:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class RemindersOptionsValidator : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        if (options.DaysBefore.Length == 0 || options.DaysBefore.Any(d => d is < 1 or > 60) || options.DaysBefore.Distinct().Count() != options.DaysBefore.Length)
        {
            return ValidateOptionsResult.Fail("Reminders:DaysBefore must list distinct numbers of days between 1 and 60.");
        }

        return options.EventTypes.Length == 0
            ? ValidateOptionsResult.Fail("Reminders:EventTypes must name at least one event type.")
            : ValidateOptionsResult.Success;
    }
}

internal sealed class TeamsOptionsValidator(IOptions<VarBot.Protocol.BotOptions> bot) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (options.NewsletterChannels.Count > 0 && string.IsNullOrWhiteSpace(options.BotId) && !bot.Value.IsAuthenticationEnabled)
        {
            failures.Add("Teams:NewsletterChannels needs the bot's Teams id: set Bot:MicrosoftAppId (or Teams:BotId).");
        }

        foreach (var channel in options.NewsletterChannels)
        {
            if (string.IsNullOrWhiteSpace(channel.Id))
            {
                failures.Add("Teams:NewsletterChannels: every channel needs an Id (19:...@thread.tacv2).");
            }

            if (channel.ServiceUrl is { } url && !IsConnectorUrl(url))
            {
                failures.Add($"Teams:NewsletterChannels: the ServiceUrl of {channel.Name ?? channel.Id} must be an absolute https address.");
            }
        }

        if (!IsConnectorUrl(options.ServiceUrl))
        {
            failures.Add("Teams:ServiceUrl must be an absolute https address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>https, or http to a loopback address (local connector stand-ins and the Agents Playground).</summary>
    private static bool IsConnectorUrl(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
