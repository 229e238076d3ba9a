using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using VarBot.Bot.Conversations;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>Reads a conversation's state row as the hosts write it (behind their answers), from Azurite's table service.</summary>
internal static class ConversationRow
{
    public static TableClient Table(AzuriteFixture azurite, string container) =>
        TableServiceFactory.Create(azurite.ConnectionString).GetTableClient(ConversationTable.TableName(container));

    /// <summary>The stored row of the conversation (found by its row key in whichever partition), or null.</summary>
    public static async Task<TableEntity?> EntityAsync(AzuriteFixture azurite, string container, string conversationId)
    {
        var rowKey = ConversationTable.RowKey(conversationId);
        try
        {
            await foreach (var entity in Table(azurite, container).QueryAsync<TableEntity>(e => e.RowKey == rowKey))
            {
                return entity;
            }
        }
        catch (Azure.RequestFailedException failed) when (failed.Status == 404)
        {
            // the host has not created the table yet
        }

        return null;
    }

    /// <summary>Writes a row for the conversation where a host with default options looks for it (what an attacker or a
    /// broken deployment could leave there).</summary>
    public static async Task PlantAsync(AzuriteFixture azurite, string container, string conversationId, IDictionary<string, object> properties)
    {
        var table = Table(azurite, container);
        await table.CreateIfNotExistsAsync();
        var rowKey = ConversationTable.RowKey(conversationId);
        var entity = new TableEntity(properties) { PartitionKey = ConversationTable.PartitionKey(rowKey, new ConversationOptions().Partitions), RowKey = rowKey };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
    }

    public static async Task<JsonObject?> ReadAsync(AzuriteFixture azurite, string container, string conversationId)
    {
        var entity = await EntityAsync(azurite, container, conversationId);
        try
        {
            return entity?.GetString("State") is { } state ? JsonNode.Parse(state) as JsonObject : null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null; // not (yet) a state the bot wrote
        }
    }

    /// <summary>Polls until the stored state satisfies <paramref name="done"/> (the write-behind has landed), up to 30 s
    /// (a poll with a deadline: on a quiet machine it lands within milliseconds; a starved CI machine took over 10 s).
    /// With <paramref name="clock"/> (the hosts' fake clock) the clock moves on 5 ms per poll, so writes that wait for
    /// their interval (within Conversations:WriteBehindWindow) come due.</summary>
    public static async Task<JsonObject> WaitAsync(AzuriteFixture azurite, string container, string conversationId, Func<JsonObject, bool> done, FakeTimeProvider? clock = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (await ReadAsync(azurite, container, conversationId) is { } state && done(state))
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The state of conversation {conversationId} was not written within 30 s.");
            }

            clock?.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Delay(10);
        }
    }

    /// <summary>The stored state is the one of the answer given in <paramref name="reply"/>.</summary>
    public static bool HasAnswer(this JsonObject state, JsonObject reply) => (string?)state["lastAnswerId"] == reply.AnswerId();

    /// <summary>The answer id of a reply's card: the start of the answer ticket its feedback buttons carry.</summary>
    public static string AnswerId(this JsonObject reply) =>
        VarBot.Bot.Feedback.AnswerTickets.IdOf(reply.Card().SubmitActions().Select(a => (string?)a.Data["answerId"]).First(id => id is not null)!);
}
