using System.Text.Json;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Hosting;

/// <summary>A turn whose outgoing activities go to <paramref name="send"/> (the connector, or a buffer for expectReplies).</summary>
internal sealed class TurnContext(Activity activity, Func<Activity, CancellationToken, Task<ResourceResponse>> send) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public InvokeResponse? InvokeResponse { get; private set; }

    public Task<ResourceResponse> SendActivityAsync(Activity outgoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        if (outgoing.Type == ActivityTypes.InvokeResponse)
        {
            InvokeResponse = outgoing.Value?.Deserialize<InvokeResponse>(BotJson.Options)
                ?? throw new ArgumentException("An invokeResponse activity needs a value with a status.", nameof(outgoing));
            return Task.FromResult(new ResourceResponse(null));
        }

        ApplyConversationReference(outgoing);
        return send(outgoing, cancellationToken);
    }

    public Task SendTypingAsync(CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateTyping(), cancellationToken);

    private void ApplyConversationReference(Activity outgoing)
    {
        outgoing.Type ??= ActivityTypes.Message;
        outgoing.ChannelId ??= Activity.ChannelId;
        outgoing.ServiceUrl ??= Activity.ServiceUrl;
        outgoing.Conversation ??= Activity.Conversation is { } c
            ? new ConversationAccount { Id = c.Id, Name = c.Name, ConversationType = c.ConversationType, TenantId = c.TenantId, IsGroup = c.IsGroup }
            : null;
        outgoing.From ??= Activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = bot.Role } : null;
        outgoing.Recipient ??= Activity.From is { } user ? new ChannelAccount { Id = user.Id, Name = user.Name, AadObjectId = user.AadObjectId, Role = user.Role } : null;
        outgoing.Locale ??= Activity.Locale;
        outgoing.ReplyToId ??= Activity.Id;
    }
}
