using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Bot.Answers;
using VarBot.Bot.Teams.Delivery;
using VarBot.Bot.Texts;
using VarBot.Newsletter;
using VarBot.Protocol;
using VarBot.Protocol.Proactive;
using VarBot.Protocol.Schema;
using VarBot.Storage;
using VarBot.Templates.Views;

namespace VarBot.Bot.Teams.Channels;

/// <summary>
/// Posts a summary card of each sent nieuwsbrief issue to the channels in Teams:NewsletterChannels, once per issue and
/// channel. It only reads the issue store (an issue counts as sent once a subscriber's send record is "done"), so the
/// bot needs no part of the newsletter sender; its own send log (teams/channel-posts/{month}/{channel}.json) keeps
/// posts to one per issue and channel, also after a crash. One host at a time holds teams/channel-posts.lock.
/// </summary>
internal sealed class NewsletterChannelPoster(
    SentIssues sentIssues,
    DeliveryLog log,
    ICardRenderer renderer,
    IProactiveSender proactive,
    IBlobContainer container,
    TimeProvider time,
    IOptions<TeamsOptions> options,
    IOptions<BotOptions> bot,
    ILogger<NewsletterChannelPoster> logger) : BackgroundService
{
    public const string LeaseBlob = "teams/channel-posts.lock";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>Tries per post across ticks (429 and connector failures); within a tick the run also retries.</summary>
    private const int MaxAttempts = 6;

    public static string LogName(string month, string channelId) =>
        $"teams/channel-posts/{month}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channelId)))[..32]}.json";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.NewsletterChannels.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.ChannelPostInterval, time);
        do
        {
            try
            {
                await TickAsync(settings, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.TeamsJobFailed(exception, "Channel posts");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task TickAsync(TeamsOptions settings, CancellationToken stoppingToken)
    {
        var issues = await sentIssues.FindAsync(settings.ChannelPostMaxAge, stoppingToken).ConfigureAwait(false);
        if (issues.Count == 0)
        {
            return;
        }

        await using var lease = await container.TryAcquireLeaseAsync(LeaseBlob, LeaseDuration, stoppingToken).ConfigureAwait(false);
        if (lease is null)
        {
            logger.LeaseHeldElsewhere("Channel posts", LeaseBlob);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
        var run = proactive.StartRun(new ProactiveRunOptions(MessagesPerSecond: 1, MaxAttempts: MaxAttempts));
        try
        {
            foreach (var issue in issues)
            {
                foreach (var channel in settings.NewsletterChannels)
                {
                    await PostAsync(run, settings, issue, channel, linked.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            logger.LeaseLost("Channel posts", LeaseBlob);
        }
    }

    private async Task PostAsync(ProactiveRun run, TeamsOptions settings, NewsletterIssue issue, NewsletterChannel channel, CancellationToken cancellationToken)
    {
        var logName = LogName(issue.Month, channel.Id);
        var (result, claim) = await log.TryClaimAsync(logName, MaxAttempts, cancellationToken).ConfigureAwait(false);
        if (result != ClaimResult.Claimed)
        {
            return;
        }

        var channelKey = logName.Split('/')[^1][..8];
        var tenant = channel.TenantId ?? settings.TenantId;
        var channelData = new JsonObject { ["channel"] = new JsonObject { ["id"] = channel.Id } };
        if (tenant is not null)
        {
            channelData["tenant"] = new JsonObject { ["id"] = tenant };
        }

        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = new ChannelAccount { Id = settings.EffectiveBotId(bot.Value) },
            TenantId = tenant,
            ChannelData = channelData,
            Activity = new Activity
            {
                Type = ActivityTypes.Message,
                Text = BotTexts.NewsletterPostText,
                TextFormat = TextFormats.Plain,
                Attachments = [Attachment.AdaptiveCard(Card(issue))],
            },
        };
        try
        {
            var created = await run.CreateConversationAsync((channel.ServiceUrl ?? settings.ServiceUrl).ToString(), parameters, cancellationToken).ConfigureAwait(false);
            await log.CompleteAsync(claim!, created.ActivityId ?? created.Id).ConfigureAwait(false);
            logger.ChannelPosted(issue.Month, channelKey, created.ActivityId);
        }
        catch (OperationCanceledException exception) when (exception.CancellationToken == cancellationToken)
        {
            await log.ReleaseAsync(claim!).ConfigureAwait(false);
            throw;
        }
        catch (HttpRequestException exception)
        {
            var retryable = exception is not ConnectorRequestException refused || refused.IsTransient;
            logger.ChannelPostFailed(issue.Month, channelKey, exception.Message, retryable);
            await log.FailAsync(claim!, exception.Message, retryable).ConfigureAwait(false);
        }
    }

    private JsonObject Card(NewsletterIssue issue)
    {
        var headlines = issue.News.Select(n => n.Title).ToList();
        if (issue.Spotlight is { } spotlight)
        {
            headlines.Add(BotTexts.NewsletterSpotlight(spotlight.Name));
        }

        return renderer.Render("newsletterPost", new JsonObject
        {
            ["title"] = issue.Subject,
            ["intro"] = issue.Intro,
            ["headlines"] = new JsonArray([.. headlines.Take(6).Select(h => (JsonNode?)JsonValue.Create(h))]),
            ["agenda"] = new JsonArray([.. issue.Agenda.Take(6).Select(a => (JsonNode?)new JsonObject { ["date"] = a.DateText, ["title"] = a.Title })]),
            ["url"] = issue.WebUrl,
        });
    }
}
