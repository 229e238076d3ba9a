// Spec: Microsoft Learn, "Performing entity group transactions" (Table service REST API): up to 100 operations on
// entities of one partition, 4 MiB in all, atomic; a failed operation fails the batch and names its index.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Storage;

namespace VarBot.Bot.Conversations;

/// <summary>Where conversation state lives between turns: a read per conversation, writes of many conversations at once.</summary>
internal interface IConversationStorage
{
    /// <summary>The stored state and its ETag; (Empty, null) when none exists.</summary>
    /// <exception cref="BlobStorageException">Storage failed or did not answer.</exception>
    Task<(ConversationState State, string? ETag)> ReadAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Writes each state if storage still holds the ETag it was read or written as (absent when null); one result
    /// per write, in order. Never throws for a storage failure: that is a result.</summary>
    Task<IReadOnlyList<ConversationWriteResult>> WriteAsync(IReadOnlyList<ConversationWrite> writes, CancellationToken cancellationToken);
}

internal readonly record struct ConversationWrite(string ConversationId, ConversationState State, string? ETag);

internal enum ConversationWriteStatus
{
    Written,

    /// <summary>Another host wrote the conversation since its ETag was seen: read theirs, merge, write again.</summary>
    Conflict,

    /// <summary>Storage failed or did not answer; <see cref="ConversationWriteResult.Reason"/> names the exception type.</summary>
    Failed,

    /// <summary>The state is larger than <see cref="ConversationOptions.MaxStateBytes"/> and was not written.</summary>
    TooLarge,
}

internal readonly record struct ConversationWriteResult(ConversationWriteStatus Status, string? ETag = null, string? Reason = null);

/// <summary>
/// Conversation state as rows of one Azure table ("conversations" + the container's name) in the model's storage account:
/// row key the SHA-256 of the conversation id, partition key one of <see cref="ConversationOptions.Partitions"/> shards of
/// it, the state as JSON in a string property (readable in a storage browser). The writes of a write-behind round go as
/// entity group transactions, one per partition of up to 100 conversations, so a busy host costs storage a few requests
/// per round instead of one per conversation; each row keeps its own ETag condition, and a row that lost a race to another
/// host is reported as a <see cref="ConversationWriteStatus.Conflict"/> while the rest of its batch is written.
/// </summary>
internal sealed class ConversationTable(
    TableServiceClient tables,
    IBlobContainer container,
    TimeProvider timeProvider,
    IOptions<ConversationOptions> options,
    LogThrottle throttle,
    ILogger<ConversationTable> logger) : IConversationStorage
{
    private const string StateProperty = "State";

    /// <summary>One transaction's operations and payload, under the service's limits of 100 and 4 MiB.</summary>
    private const int MaxBatchOperations = 100;

    /// <summary>See <see cref="MaxBatchOperations"/>; each state counts at its longest escaped size.</summary>
    private const int MaxBatchPayloadBytes = 3 * 1024 * 1024;

    /// <summary>The longest a character of a state can get in the request body, as a JSON escape ("\u003C").</summary>
    private const int MaxEscapedCharBytes = 6;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table = tables.GetTableClient(TableName(container.Name));

    private volatile bool _tableExists;

    /// <summary>The table of a blob container: "conversations" and the container's name without hyphens (at most 63 characters).</summary>
    public static string TableName(string containerName)
    {
        var name = "conversations" + containerName.Replace("-", "", StringComparison.Ordinal);
        return name.Length <= 63 ? name : name[..63];
    }

    public static string RowKey(string conversationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)));

    /// <summary>The shard of a row key: "p" and its first 16 bits modulo <paramref name="partitions"/>, three digits.</summary>
    public static string PartitionKey(string rowKey, int partitions) =>
        "p" + (Convert.ToInt32(rowKey[..4], 16) % partitions).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    private string PartitionKey(string rowKey) => PartitionKey(rowKey, options.Value.Partitions);

    public async Task<(ConversationState State, string? ETag)> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var rowKey = RowKey(conversationId);
        NullableResponse<TableEntity> response;
        try
        {
            await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
            response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(rowKey), rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TableServiceFactory.IsStorageFailure(exception, cancellationToken))
        {
            throw TableServiceFactory.Translate(exception, "Get Entity", _table.Name, logger);
        }

        if (!response.HasValue || response.Value is not { } entity)
        {
            return (ConversationState.Empty, null);
        }

        var etag = entity.ETag.ToString();
        var json = entity.TryGetValue(StateProperty, out var value) ? value switch
        {
            string text => text,
            byte[] legacy => Encoding.UTF8.GetString(legacy), // written as binary before 2026-12-07
            _ => null,
        } : null;
        var size = json is null ? 0 : Encoding.UTF8.GetByteCount(json);
        if (json is null || size > options.Value.MaxStateBytes)
        {
            throttle.Warn("conversation-unreadable", suppressed => BotLog.ConversationStateUnreadable(logger, json is null ? "not a string" : $"{size} bytes", suppressed));
            return (ConversationState.Empty, etag);
        }

        ConversationState? state = null;
        try
        {
            state = JsonSerializer.Deserialize<ConversationState>(json, Json);
        }
        catch (JsonException exception)
        {
            throttle.Warn("conversation-unreadable", suppressed => BotLog.ConversationStateUnreadable(logger, exception.GetType().Name, suppressed));
        }

        return (state is not null && state.IsCurrent(timeProvider.GetUtcNow(), options.Value.IdleTimeout) ? state : ConversationState.Empty, etag);
    }

    public async Task<IReadOnlyList<ConversationWriteResult>> WriteAsync(IReadOnlyList<ConversationWrite> writes, CancellationToken cancellationToken)
    {
        var results = new ConversationWriteResult[writes.Count];
        try
        {
            await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsFailure(exception))
        {
            Array.Fill(results, new ConversationWriteResult(ConversationWriteStatus.Failed, Reason: exception.GetType().Name));
            return results;
        }

        var batches = Batches(writes, results);
        await Task.WhenAll(batches.Select(batch => SubmitAsync(batch, results, cancellationToken))).ConfigureAwait(false);
        return results;
    }

    /// <summary>The writes as transactions: grouped by partition, each within the operation and payload limits.</summary>
    private List<List<(int Index, TableTransactionAction Action)>> Batches(IReadOnlyList<ConversationWrite> writes, ConversationWriteResult[] results)
    {
        var batches = new List<List<(int Index, TableTransactionAction Action)>>();
        var open = new Dictionary<string, (List<(int, TableTransactionAction)> Batch, int Bytes)>(StringComparer.Ordinal);
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            var json = JsonSerializer.Serialize(write.State, Json);
            var size = Encoding.UTF8.GetByteCount(json);
            if (size > options.Value.MaxStateBytes)
            {
                results[i] = new ConversationWriteResult(ConversationWriteStatus.TooLarge);
                continue;
            }

            var payload = json.Length * MaxEscapedCharBytes;
            var rowKey = RowKey(write.ConversationId);
            var partitionKey = PartitionKey(rowKey);
            var entity = new TableEntity(partitionKey, rowKey) { [StateProperty] = json };
            var action = write.ETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(write.ETag));
            if (!open.TryGetValue(partitionKey, out var current) || current.Batch.Count == MaxBatchOperations || current.Bytes + payload > MaxBatchPayloadBytes)
            {
                current = ([], 0);
                batches.Add(current.Batch);
            }

            current.Batch.Add((i, action));
            open[partitionKey] = (current.Batch, current.Bytes + payload);
        }

        return batches;
    }

    /// <summary>Submits one transaction; a row that lost its ETag condition is taken out and the rest submitted again.</summary>
    private async Task SubmitAsync(List<(int Index, TableTransactionAction Action)> batch, ConversationWriteResult[] results, CancellationToken cancellationToken)
    {
        while (batch.Count > 0)
        {
            try
            {
                var response = await _table.SubmitTransactionAsync(batch.Select(b => b.Action), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    var etag = i < response.Value.Count && response.Value[i].Headers.ETag is { } written ? written.ToString() : null;
                    results[batch[i].Index] = new ConversationWriteResult(ConversationWriteStatus.Written, etag);
                }

                return;
            }
            catch (TableTransactionFailedException failed) when (failed.FailedTransactionActionIndex is int index && index < batch.Count
                && failed.Status is 404 or 409 or 412 && failed.ErrorCode != "TableNotFound")
            {
                // 412: changed since its ETag; 409: created by another host; 404: deleted since it was read.
                results[batch[index].Index] = new ConversationWriteResult(ConversationWriteStatus.Conflict);
                batch.RemoveAt(index);
            }
            catch (Exception exception) when (IsFailure(exception))
            {
                if (exception is RequestFailedException { ErrorCode: "TableNotFound" })
                {
                    _tableExists = false; // deleted under the host: created again on the next round
                }

                foreach (var (index, _) in batch)
                {
                    results[index] = new ConversationWriteResult(ConversationWriteStatus.Failed, Reason: exception.GetType().Name);
                }

                return;
            }
        }
    }

    /// <summary>A write that storage refused or did not answer in time (the writer's timeout cancels the token).</summary>
    private static bool IsFailure(Exception exception) =>
        exception is RequestFailedException or HttpRequestException or IOException or OperationCanceledException or Azure.Identity.AuthenticationFailedException
            or AggregateException; // the SDK's retry policy: every try failed without a response

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _tableExists = true;
        }
    }
}
