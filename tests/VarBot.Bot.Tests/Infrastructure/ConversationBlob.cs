using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using VarBot.Bot.Conversations;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>Reads a conversation's state blob as the hosts write it (behind their answers).</summary>
internal static class ConversationBlob
{
    public static async Task<JsonObject?> ReadAsync(AzuriteFixture azurite, string container, string conversationId)
    {
        var download = await BlobContainerFactory.Create(azurite.ConnectionString, container).GetAsync(ConversationBlobs.BlobName(conversationId));
        try
        {
            return download is null ? null : JsonNode.Parse(download.Content) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // not (yet) a state the bot wrote
        }
    }

    /// <summary>Polls until the stored state satisfies <paramref name="done"/> (the write-behind has landed), up to 30 s
    /// (a poll with a deadline: on a quiet machine it lands within milliseconds; a starved CI machine took over 10 s).
    /// With <paramref name="clock"/> (the hosts' fake clock) the clock moves on 5 ms per poll, so writes that wait for
    /// Conversations:WriteInterval come due.</summary>
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

    /// <summary>The stored state lists the answer given in <paramref name="reply"/> among its recent answers.</summary>
    public static bool HasAnswer(this JsonObject state, JsonObject reply)
    {
        var answerId = reply.Card().SubmitActions().Select(a => (string?)a.Data["answerId"]).First(id => id is not null);
        return state["recentAnswers"]?.AsArray().Any(a => (string?)a?["answerId"] == answerId) == true;
    }
}
