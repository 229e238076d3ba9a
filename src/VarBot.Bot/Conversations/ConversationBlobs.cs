using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Storage;

namespace VarBot.Bot.Conversations;

/// <summary>
/// Conversation state as blobs (conversations/{sha256 of the id}.json): reads capped in size, unreadable or expired state
/// read as empty (with its ETag, so the next write replaces it), writes conditional on the ETag last seen.
/// </summary>
internal sealed class ConversationBlobs(IBlobContainer container, TimeProvider timeProvider, IOptions<ConversationOptions> options, LogThrottle throttle, ILogger<ConversationBlobs> logger)
{
    public const string Prefix = "conversations/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string BlobName(string conversationId) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId))) + ".json";

    /// <summary>The stored state and its ETag; (Empty, null) when none exists.</summary>
    public async Task<(ConversationState State, string? ETag)> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        BlobDownload? download;
        try
        {
            download = await container.GetAsync(BlobName(conversationId), options.Value.MaxBlobBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobTooLargeException tooLarge)
        {
            throttle.Warn("conversation-too-large", suppressed => BotLog.ConversationBlobTooLarge(logger, tooLarge.Properties.ContentLength, suppressed));
            return (ConversationState.Empty, tooLarge.Properties.ETag);
        }

        if (download is null)
        {
            return (ConversationState.Empty, null);
        }

        ConversationState? state = null;
        try
        {
            state = JsonSerializer.Deserialize<ConversationState>(download.Content, Json);
        }
        catch (JsonException exception)
        {
            throttle.Warn("conversation-unreadable", suppressed => BotLog.ConversationStateUnreadable(logger, exception.GetType().Name, suppressed));
        }

        return (IsCurrent(state) ? state! : ConversationState.Empty, download.Properties.ETag);
    }

    /// <summary>Writes <paramref name="state"/> if the blob is still <paramref name="etag"/> (or absent when null); the new ETag.</summary>
    /// <exception cref="BlobConditionFailedException">Another host wrote in between.</exception>
    public Task<string> WriteAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken) =>
        container.PutAsync(
            BlobName(conversationId),
            JsonSerializer.SerializeToUtf8Bytes(state, Json),
            "application/json",
            etag is null ? BlobCondition.IfNotExists : BlobCondition.IfUnchanged(etag),
            cancellationToken);

    /// <summary>Readable and not idle for longer than the idle timeout (with a stored time in the future treated as unreadable).</summary>
    public bool IsCurrent(ConversationState? state)
    {
        if (state?.RecentAnswers is null)
        {
            return false;
        }

        var age = timeProvider.GetUtcNow() - state.LastTurn;
        return age >= -TimeSpan.FromMinutes(5) && age <= options.Value.IdleTimeout;
    }
}
