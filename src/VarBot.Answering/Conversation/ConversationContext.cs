using System.Text.Json;
using System.Text.Json.Serialization;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

/// <summary>
/// What a conversation remembers from the previous answer: its intent and slots, so a follow-up ("en in 2024?",
/// "wanneer was die?") can take over what it lacks. Immutable; stored by the bot as compact JSON. JSON the engine
/// cannot read (old or unknown shapes) counts as a fresh conversation.
/// </summary>
public sealed record ConversationContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ConversationContext Empty { get; } = new();

    /// <summary>The intent answered ("none" before any answer).</summary>
    public string Intent { get; init; } = "none";
    /// <summary>The question answered, as the user asked it; "Meer" answers it again with the next page.</summary>
    public string? Question { get; init; }
    /// <summary>Items of the answer's list shown so far, this answer's included: "Meer" continues after them.</summary>
    public int Shown { get; init; }
    public IReadOnlyList<int>? Years { get; init; }
    public DateOnly? RangeFrom { get; init; }
    public DateOnly? RangeTo { get; init; }
    public string? ThemeId { get; init; }
    public EventType? EventType { get; init; }
    public string? EventId { get; init; }
    /// <summary>A season named in an event title ("voorjaar" of "Voorjaarscarrousel").</summary>
    public string? TitleSeason { get; init; }
    public IReadOnlyList<string>? LineKeys { get; init; }
    public BudgetKind? Kind { get; init; }
    public BudgetSide? Side { get; init; }
    public OrganisationFactKind? Role { get; init; }
    public MonitoringKind? Monitoring { get; init; }
    /// <summary>The years answered the turn before this one, in the same conversation thread ("hoeveel is dat gestegen?" compares them).</summary>
    public IReadOnlyList<int>? EarlierYears { get; init; }
    /// <summary>The budget table (jaarrekening, begroting) the answer led with, whether or not the question named it.</summary>
    public BudgetKind? ShownKind { get; init; }
    /// <summary>The budget kind (jaarrekening, begroting) answered the turn before this one: "hoeveel minder is dat?" compares on it.</summary>
    public BudgetKind? EarlierKind { get; init; }
    /// <summary>The budget line answered (its label), so a comparison pairs exactly that line in the other year.</summary>
    public string? LineLabel { get; init; }
    /// <summary>What a count question counted ("netwerkbijeenkomsten"), for "en hoeveel waren er gepland?".</summary>
    public IReadOnlyList<string>? Counted { get; init; }
    /// <summary>The person answered ("Jan Heijkoop"), for "hoe lang heeft die het gedaan?".</summary>
    public string? Person { get; init; }
    /// <summary>Search words of the question answered.</summary>
    public IReadOnlyList<string>? Terms { get; init; }
    /// <summary>The report lines the answer was read from: a detail follow-up ("wie betaalde dat?") is looked up next to them first.</summary>
    public IReadOnlyList<SourceRef>? Sources { get; init; }
    /// <summary>The question-kind signals a follow-up without its own takes over, by name ("Money", "When").</summary>
    public IReadOnlyList<string>? Asks { get; init; }

    /// <summary><see cref="Asks"/> as flags.</summary>
    internal Understanding.Signals AskSignals => Understanding.Signals.FromNames(Asks);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The context stored as JSON, or null when there is none or it cannot be read (then the conversation starts fresh).</summary>
    public static ConversationContext? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var context = JsonSerializer.Deserialize<ConversationContext>(json, Json);
            return context is null || context.Intent == "none" ? null : context;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
