using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Bot.Conversations;

/// <summary>What the bot remembers of one conversation between turns: no user identity, no message history.</summary>
/// <param name="Context">The answering engine's context of the last answer (its own JSON), for follow-up questions;
/// stored as a nested JSON value (<see cref="NestedJsonConverter"/>).</param>
/// <param name="LastTurn">When the last answer was given: the state expires after Conversations:IdleTimeout.</param>
/// <param name="LastAnswerId">The answer that context belongs to (its feedback buttons carry the rest, see
/// <see cref="Feedback.AnswerTickets"/>), so a stored row names the turn it holds.</param>
internal sealed record ConversationState(
    [property: JsonConverter(typeof(NestedJsonConverter))] string? Context,
    DateTimeOffset LastTurn,
    string? LastAnswerId = null)
{
    public static ConversationState Empty { get; } = new(null, DateTimeOffset.MinValue);

    /// <summary>Not idle for longer than <paramref name="idleTimeout"/> at <paramref name="now"/> (a stored time more than
    /// five minutes ahead is treated as unreadable, as is a state without a time).</summary>
    public bool IsCurrent(DateTimeOffset now, TimeSpan idleTimeout)
    {
        var age = now - LastTurn;
        return age >= -TimeSpan.FromMinutes(5) && age <= idleTimeout;
    }

    /// <summary>Two versions of one conversation written by different hosts: the later turn's wins.</summary>
    public static ConversationState Merge(ConversationState ours, ConversationState theirs) => theirs.LastTurn > ours.LastTurn ? theirs : ours;
}

/// <summary>
/// A string that holds JSON, stored as that JSON value itself rather than as an escaped string (a row gets about a fifth
/// smaller: no escaped quotes, twice over once the row is a table entity). A string value is read as before: rows written
/// before 2026-12-07 stored the context that way; one that is not JSON reads as none.
/// </summary>
internal sealed class NestedJsonConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Parsed(reader.GetString());
            case JsonTokenType.StartObject:
                return JsonElement.ParseValue(ref reader).GetRawText();
            default:
                reader.Skip(); // a context is an object: anything else is none
                return null;
        }
    }

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
            return document?.RootElement.ValueKind == JsonValueKind.Object ? json : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
