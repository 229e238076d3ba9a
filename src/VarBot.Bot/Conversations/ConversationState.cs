using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Bot.Conversations;

/// <summary>What the bot remembers of one conversation between turns: no user identity, no message history.</summary>
/// <param name="Context">The answering engine's context of the last answer (its own JSON), for follow-up questions;
/// stored as a nested JSON value (<see cref="NestedJsonConverter"/>).</param>
/// <param name="RecentAnswers">The last few answers, so a feedback click can name the question it is about.</param>
internal sealed record ConversationState(
    [property: JsonConverter(typeof(NestedJsonConverter))] string? Context,
    DateTimeOffset LastTurn,
    IReadOnlyList<RecentAnswer> RecentAnswers)
{
    public const int MaxRecentAnswers = 5;

    public static ConversationState Empty { get; } = new(null, DateTimeOffset.MinValue, []);

    public ConversationState WithAnswer(string? context, RecentAnswer answer, DateTimeOffset now) =>
        new(context, now, [answer, .. RecentAnswers.Where(a => a.AnswerId != answer.AnswerId).Take(MaxRecentAnswers - 1)]);

    /// <summary>Readable and not idle for longer than <paramref name="idleTimeout"/> at <paramref name="now"/> (a stored time
    /// more than five minutes ahead is treated as unreadable).</summary>
    public bool IsCurrent(DateTimeOffset now, TimeSpan idleTimeout)
    {
        if (RecentAnswers is null)
        {
            return false;
        }

        var age = now - LastTurn;
        return age >= -TimeSpan.FromMinutes(5) && age <= idleTimeout;
    }

    /// <summary>
    /// Two versions of one conversation written by different hosts: the later turn's context wins, the recent answers
    /// of both are kept (newest first), so a feedback click on either host's answer still finds its question.
    /// </summary>
    public static ConversationState Merge(ConversationState ours, ConversationState theirs)
    {
        var (newer, older) = theirs.LastTurn > ours.LastTurn ? (theirs, ours) : (ours, theirs);
        var known = newer.RecentAnswers.Select(a => a.AnswerId).ToHashSet(StringComparer.Ordinal);
        return newer with
        {
            RecentAnswers = [.. newer.RecentAnswers.Concat(older.RecentAnswers.Where(a => !known.Contains(a.AnswerId))).Take(MaxRecentAnswers)],
        };
    }
}

internal sealed record RecentAnswer(string AnswerId, string Question, string Intent, bool Answered);

/// <summary>
/// A string that holds JSON, stored as that JSON value itself rather than as an escaped string (a row gets about a fifth
/// smaller: no escaped quotes, twice over once the row is a table entity). A string value is read as before: rows written
/// before 2026-12-07 stored the context that way; one that is not JSON reads as none.
/// </summary>
internal sealed class NestedJsonConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parsed(reader.GetString()) : JsonElement.ParseValue(ref reader).GetRawText();

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(value);
        }
    }

    private static string? Parsed(string? json)
    {
        try
        {
            using var document = json is null ? null : JsonDocument.Parse(json);
            return document is null ? null : json;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
