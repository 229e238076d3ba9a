using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Storage;

namespace VarBot.Bot.Conversations;

/// <summary>What the bot remembers of one conversation between turns: no user identity, no message history.</summary>
/// <param name="Context">The answering engine's context of the last answer (its own JSON), for follow-up questions.</param>
/// <param name="RecentAnswers">The last few answers, so a feedback click can name the question it is about.</param>
internal sealed record ConversationState(
    string? Context,
    DateTimeOffset LastTurn,
    IReadOnlyList<RecentAnswer> RecentAnswers)
{
    public const int MaxRecentAnswers = 5;

    public static ConversationState Empty { get; } = new(null, DateTimeOffset.MinValue, []);

    public ConversationState WithAnswer(string? context, RecentAnswer answer, DateTimeOffset now) =>
        new(context, now, [answer, .. RecentAnswers.Where(a => a.AnswerId != answer.AnswerId).Take(MaxRecentAnswers - 1)]);
}

internal sealed record RecentAnswer(string AnswerId, string Question, string Intent, bool Answered);

/// <summary>A conversation's state as read, with the ETag to write it back under.</summary>
/// <param name="FromCache">
/// True when this instance took the state from its own last write instead of reading storage; a write conditional on
/// <paramref name="ETag"/> then proves (or disproves) that no other instance changed the conversation in between.
/// </param>
internal sealed record StoredConversation(ConversationState State, string? ETag, bool FromCache = false);

/// <summary>
/// Keeps <see cref="ConversationState"/> per conversation in blob storage (conversations/{sha256}.json) so that any
/// host instance can answer the next turn. Writes are conditional on the ETag read; state idle for longer than
/// <see cref="VarBotOptions.ConversationIdleTimeout"/> reads as empty.
/// <para>
/// Optimistic read: what this instance last wrote is remembered with its ETag (a bounded cache). The next turn of that
/// conversation on this instance starts from it without a storage read, and its conditional write is the check that no
/// other instance wrote in between; when one did, the write fails, the cache entry is dropped, and the caller reads
/// storage and answers again (<see cref="TrySaveAsync"/>). So a question costs one storage round trip instead of two
/// while any instance can still continue any conversation.
/// </para>
/// </summary>
internal sealed class ConversationStore(
    IBlobContainer container,
    TimeProvider timeProvider,
    IOptions<VarBotOptions> options,
    ILogger<ConversationStore> logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly MemoryCache _written = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxCachedConversations });

    /// <summary>
    /// The state to answer from: this instance's own last write when it has one (<see cref="StoredConversation.FromCache"/>),
    /// else read from storage.
    /// </summary>
    public Task<StoredConversation> LoadForTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_written.TryGetValue(conversationId, out StoredConversation? cached) && cached is not null)
        {
            var state = timeProvider.GetUtcNow() - cached.State.LastTurn > options.Value.ConversationIdleTimeout ? ConversationState.Empty : cached.State;
            return Task.FromResult(cached with { State = state, FromCache = true });
        }

        return LoadAsync(conversationId, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="state"/> only if the blob is still the version <paramref name="read"/> came from. False
    /// when another writer got there first: nothing is written and the caller should read again and redo the turn.
    /// </summary>
    public async Task<bool> TrySaveAsync(string conversationId, StoredConversation read, ConversationState state, CancellationToken cancellationToken)
    {
        var condition = read.ETag is null ? BlobCondition.IfNotExists : BlobCondition.IfUnchanged(read.ETag);
        try
        {
            var etag = await container.PutAsync(BlobName(conversationId), JsonSerializer.SerializeToUtf8Bytes(state, Json), "application/json", condition, cancellationToken)
                .ConfigureAwait(false);
            _written.Set(conversationId, new StoredConversation(state, etag), new MemoryCacheEntryOptions
            {
                Size = 1,
                SlidingExpiration = options.Value.ConversationIdleTimeout,
            });
            return true;
        }
        catch (BlobConditionFailedException)
        {
            _written.Remove(conversationId);
            logger.ConversationWriteConflict(conversationId);
            return false;
        }
        catch
        {
            _written.Remove(conversationId);
            throw;
        }
    }

    public void Dispose() => _written.Dispose();

    public static string BlobName(string conversationId) =>
        "conversations/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId))) + ".json";

    public async Task<StoredConversation> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var download = await container.GetAsync(BlobName(conversationId), cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return new StoredConversation(ConversationState.Empty, null);
        }

        ConversationState? state = null;
        try
        {
            state = JsonSerializer.Deserialize<ConversationState>(download.Content, Json);
        }
        catch (JsonException exception)
        {
            logger.ConversationStateUnreadable(exception, conversationId);
        }

        if (state is null || timeProvider.GetUtcNow() - state.LastTurn > options.Value.ConversationIdleTimeout)
        {
            return new StoredConversation(ConversationState.Empty, download.Properties.ETag);
        }

        return new StoredConversation(state, download.Properties.ETag);
    }

    /// <summary>
    /// Writes <paramref name="state"/> if the blob is still as read; when another instance wrote in between, the newer
    /// turn (this one) wins, but the other instance's recent answers are kept for feedback. The last resort after
    /// <see cref="TrySaveAsync"/> failed twice in a row on a busy conversation.
    /// </summary>
    public async Task SaveAsync(string conversationId, StoredConversation read, ConversationState state, CancellationToken cancellationToken)
    {
        _written.Remove(conversationId);
        var name = BlobName(conversationId);
        var etag = read.ETag;
        for (var attempt = 0; ; attempt++)
        {
            var condition = etag is null ? BlobCondition.IfNotExists : BlobCondition.IfUnchanged(etag);
            try
            {
                await container.PutAsync(name, JsonSerializer.SerializeToUtf8Bytes(state, Json), "application/json", condition, cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (BlobConditionFailedException) when (attempt < 2)
            {
                logger.ConversationWriteConflict(conversationId);
                var current = await LoadAsync(conversationId, cancellationToken).ConfigureAwait(false);
                etag = current.ETag;
                var known = state.RecentAnswers.Select(a => a.AnswerId).ToHashSet(StringComparer.Ordinal);
                state = state with
                {
                    RecentAnswers = [.. state.RecentAnswers, .. current.State.RecentAnswers.Where(a => !known.Contains(a.AnswerId))],
                };
                state = state with { RecentAnswers = [.. state.RecentAnswers.Take(ConversationState.MaxRecentAnswers)] };
            }
        }
    }
}
