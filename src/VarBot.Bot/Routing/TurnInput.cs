using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Dutch;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Routing;

/// <summary>A feedback click: "up" or "down" on the answer of <paramref name="AnswerId"/> (the card's signed answer ticket, see Feedback.AnswerTickets).</summary>
internal sealed record FeedbackInput(string Kind, string? AnswerId);

/// <summary>A submitted subscription card: the address as typed, the optional name and the chosen theme ids (unchecked).</summary>
internal sealed record SubscriptionInput(string Email, string? Name, IReadOnlyList<string> Themes);

/// <summary>Reads what the user meant from an activity: question text, button values, the user's date.</summary>
internal static partial class TurnInput
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";


    /// <summary>conversationUpdate that adds the bot itself (install in a personal chat, group chat or team).</summary>
    public static bool IsBotAdded(Activity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate
        && activity.MembersAdded is { Count: > 0 } added
        && activity.Recipient?.Id is { Length: > 0 } botId
        && added.Any(m => string.Equals(m?.Id, botId, StringComparison.Ordinal));

    public static bool IsHelpRequest(Activity activity)
    {
        var text = QuestionText(activity).TrimEnd('!', '.', ' ');
        return BotTexts.HelpWords.Any(w => string.Equals(w, text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// "nieuwsbrief", "aanmelden voor de nieuwsbrief", "ik wil de nieuwsbrief ontvangen" (typed, a Teams command or an
    /// example button), but not "afmelden voor de nieuwsbrief".
    /// </summary>
    public static bool IsSubscribeRequest(Activity activity)
    {
        var text = SubmittedQuestion(activity) is { } submitted ? Command(submitted) : CommandText(activity);
        if (text.Length == 0 || text.Length > 120)
        {
            return false;
        }

        if (BotTexts.SubscribePhrases.Contains(text, StringComparer.Ordinal))
        {
            return true;
        }

        return text.Contains("nieuwsbrief", StringComparison.Ordinal)
            && BotTexts.SubscribeVerbs.Any(v => text.Contains(v, StringComparison.Ordinal))
            && !BotTexts.UnsubscribeWords.Any(w => text.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// The inputs of a submitted subscription card: data {"action": "subscribe", "email", "name", "themes"} as a message
    /// value (Action.Submit) or as an invoke's action data (Action.Execute, also with verb "subscribe").
    /// </summary>
    public static SubscriptionInput? Subscription(Activity activity)
    {
        var data = DataOf(activity.Value);
        var isSubscription = string.Equals(StringField(data, "action"), "subscribe", StringComparison.OrdinalIgnoreCase)
            || (activity.Type == ActivityTypes.Invoke && string.Equals(Verb(activity), "subscribe", StringComparison.OrdinalIgnoreCase));
        if (!isSubscription)
        {
            return null;
        }

        // A multi-select ChoiceSet submits "id1,id2"; accept a JSON array as well.
        var themes = data?["themes"] switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String =>
                value.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            JsonArray array => [.. array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>().Trim())],
            _ => [],
        };
        return new SubscriptionInput(StringField(data, "email") ?? "", StringField(data, "name"), themes);
    }

    /// <summary>The message text without the bot's @mention (channels and group chats) and without markup.</summary>
    /// <remarks>
    /// The routing table asks for it once per route it tries; the result is kept for the activity (per thread, while
    /// its text, entities and recipient are the same objects), so a turn normalises its text once.
    /// </remarks>
    public static string QuestionText(Activity activity)
    {
        var memo = Memo.Of(activity);
        return memo.Question ??= Normalise(activity);
    }

    /// <summary>
    /// <see cref="QuestionText"/> in lower case with punctuation as spaces and runs of spaces as one, trimmed: how typed
    /// commands ("Herinner mij!", "nieuwsbrief aanmelden.") are compared with their phrases. Kept like QuestionText.
    /// </summary>
    public static string CommandText(Activity activity)
    {
        var memo = Memo.Of(activity);
        return memo.Command ??= Command(QuestionText(activity));
    }

    /// <summary>The command form of <paramref name="text"/> (see <see cref="CommandText"/>).</summary>
    public static string Command(string text) => Whitespace().Replace(Punctuation().Replace(text.ToLowerInvariant(), " "), " ").Trim();

    private static string Normalise(Activity activity)
    {
        var text = activity.Text ?? "";
        var mentions = false;
        if (activity.Entities is { } entities)
        {
            foreach (var entity in entities)
            {
                if (entity is { Type: EntityTypes.Mention, Text: { Length: > 0 } mention }
                    && (entity.Mentioned?.Id is null || entity.Mentioned.Id == activity.Recipient?.Id))
                {
                    text = text.Replace(mention, " ", StringComparison.Ordinal);
                    mentions = true;
                }
            }
        }

        if (!mentions && IsPlain(text))
        {
            return text; // what the replacements below would give back unchanged
        }

        // A mention of the bot that came without its entity, and any other markup Teams may add.
        text = AtTag().Replace(text, " ");
        text = Tag().Replace(text, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>No markup, no character reference, and no whitespace but single spaces between words.</summary>
    private static bool IsPlain(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '<' or '&')
            {
                return false;
            }

            // char.IsWhiteSpace covers every character \s matches (and Trim removes).
            if (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The normalised texts of the activity this thread looked at last.</summary>
    private sealed class Memo
    {
        [ThreadStatic]
        private static Memo? _last;

        private Activity? _activity;
        private string? _text;
        private List<Entity>? _entities;
        private int _entityCount;
        private ChannelAccount? _recipient;

        public string? Question;
        public string? Command;

        public static Memo Of(Activity activity)
        {
            var memo = _last ??= new Memo();
            if (!ReferenceEquals(memo._activity, activity) || !ReferenceEquals(memo._text, activity.Text) || !ReferenceEquals(memo._entities, activity.Entities)
                || memo._entityCount != (activity.Entities?.Count ?? 0) || !ReferenceEquals(memo._recipient, activity.Recipient))
            {
                (memo._activity, memo._text, memo._entities, memo._entityCount, memo._recipient) =
                    (activity, activity.Text, activity.Entities, activity.Entities?.Count ?? 0, activity.Recipient);
                (memo.Question, memo.Command) = (null, null);
            }

            return memo;
        }
    }

    /// <summary>The question of a follow-up button: Action.Submit data {"question": "..."} arrives as the message value.</summary>
    public static string? SubmittedQuestion(Activity activity) => StringField(DataOf(activity.Value), "question");

    public static FeedbackInput? Feedback(Activity activity) => FeedbackFrom(DataOf(activity.Value));

    public static FeedbackInput? FeedbackFrom(JsonObject? data)
    {
        var kind = StringField(data, "feedback")?.ToLowerInvariant();
        return kind is "up" or "down" ? new FeedbackInput(kind, StringField(data, "answerId")) : null;
    }

    /// <summary>The user's local date: from localTimestamp when the channel sends it, else today in Europe/Amsterdam.</summary>
    public static DateOnly Today(Activity activity, TimeProvider timeProvider)
    {
        if (activity.LocalTimestamp is { } local)
        {
            return DateOnly.FromDateTime(local.DateTime);
        }

        return DutchTime.Today(timeProvider);
    }

    /// <summary>The data object of a message value or of an invoke's action (value.action.data).</summary>
    public static JsonObject? DataOf(JsonNode? value)
    {
        if (value is not JsonObject obj)
        {
            return null;
        }

        return obj["action"] is JsonObject action && action["data"] is JsonObject data ? data : obj;
    }

    public static string? StringField(JsonObject? data, string name)
    {
        if (data is null || !data.TryGetPropertyValue(name, out var node) || node is not JsonValue value)
        {
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>().Trim();
        return text.Length == 0 ? null : text;
    }

    public static string? Verb(Activity activity) =>
        activity.Value is JsonObject value && value["action"] is JsonObject action ? StringField(action, "verb") : null;

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex("<[^>]{1,200}>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[^\p{L}\p{N}\s]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
