using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VarBot.Protocol.Schema;
using VarBot.Storage;

namespace VarBot.Bot.Teams.Reminders;

/// <summary>A member who asked for reminders: where to reach them (ids only) and since when.</summary>
internal sealed record ReminderMember(string Key, ConversationReference Reference, DateTimeOffset Since);

/// <summary>
/// Members who opted in, one blob each under teams/reminders/members/{key}.json; the key is a hash of the channel, tenant
/// and user id, so blob names reveal nobody. A member's blob holds their conversation reference and nothing else.
/// </summary>
internal sealed class ReminderMembers(IBlobContainer container, TimeProvider time)
{
    public const string Prefix = "teams/reminders/members/";

    private static readonly JsonSerializerOptions Json = new(BotJson.Options);

    public static string KeyOf(ConversationReference reference) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{reference.ChannelId}|{reference.Conversation.TenantId}|{reference.User?.Id ?? reference.Conversation.Id}")))[..32];

    /// <summary>Stores (or refreshes: the service URL may change) the member's reference.</summary>
    public async Task<ReminderMember> OptInAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var member = new ReminderMember(KeyOf(reference), reference, time.GetUtcNow());
        await container.PutAsync(Prefix + member.Key + ".json", JsonSerializer.SerializeToUtf8Bytes(member, Json), "application/json", BlobCondition.None, cancellationToken)
            .ConfigureAwait(false);
        return member;
    }

    /// <summary>Removes the member; false when they had not opted in.</summary>
    public Task<bool> OptOutAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        container.DeleteAsync(Prefix + KeyOf(reference) + ".json", BlobCondition.None, cancellationToken);

    /// <summary>Every member, read <paramref name="parallelism"/> blobs at a time; a blob deleted meanwhile is skipped.</summary>
    public async Task<IReadOnlyList<ReminderMember>> ListAsync(int parallelism, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in container.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        var members = new ReminderMember?[names.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, names.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var blob = await container.GetAsync(names[i], ct).ConfigureAwait(false);
                members[i] = blob is null ? null : JsonSerializer.Deserialize<ReminderMember>(blob.Content, Json);
            }).ConfigureAwait(false);
        return [.. members.OfType<ReminderMember>()];
    }
}
