using VarBot.Protocol.Connector;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Proactive;

/// <summary>
/// Messages the bot starts itself, through the connector with the bot's token (Microsoft.Agents: ChannelAdapter's
/// ContinueConversationAsync and CreateConversationAsync). Failures are <see cref="ConnectorRequestException"/>.
/// </summary>
public interface IProactiveSender
{
    /// <summary>Posts <paramref name="activity"/> as a new message in the referenced conversation ("Send to Conversation").</summary>
    Task<ResourceResponse> ContinueConversationAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Creates a conversation (in a Teams channel: a new thread whose first post is the parameters' activity).</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>A paced run of many sends that share one rate and one Retry-After pause; see <see cref="ProactiveRun"/>.</summary>
    ProactiveRun StartRun(ProactiveRunOptions options);
}

internal sealed class ProactiveSender(ConnectorClient connector, TimeProvider time, Microsoft.Extensions.Logging.ILogger<ProactiveRun> runLogger) : IProactiveSender
{
    public Task<ResourceResponse> ContinueConversationAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        return connector.SendAsync(Address(reference, activity), cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        return connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
    }

    public ProactiveRun StartRun(ProactiveRunOptions options) => new(this, options, time, runLogger);

    /// <summary>The activity addressed from the reference: a new message (no replyToId), from the bot to the user.</summary>
    internal static Activity Address(ConversationReference reference, Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = new ConversationAccount
        {
            Id = reference.Conversation.Id,
            ConversationType = reference.Conversation.ConversationType,
            TenantId = reference.Conversation.TenantId,
            IsGroup = reference.Conversation.IsGroup,
        };
        activity.From = new ChannelAccount { Id = reference.Bot.Id, Role = "bot" };
        activity.Recipient = reference.User is { } user ? new ChannelAccount { Id = user.Id, AadObjectId = user.AadObjectId, Role = "user" } : null;
        activity.Locale ??= reference.Locale;
        activity.ReplyToId = null;
        return activity;
    }
}
