using System.Text.Json;

namespace VarBot.Protocol.Schema;

/// <summary>
/// One reference of a message: <see cref="Position"/> is the number the text cites as "[1]". Teams shows
/// <see cref="Name"/> (at most 80 characters) and <see cref="Abstract"/> (at most 160) in the citation pop-up.
/// </summary>
public sealed record ClientCitation(int Position, string Name, string Abstract, string? Url = null, IReadOnlyList<string>? Keywords = null);

/// <summary>
/// The message entity that carries citations (Teams, "Bot messages with AI-generated content"; Agents SDK AIEntity):
/// type "https://schema.org/Message" with "@type" Message, "@context" https://schema.org, "@id" "" and a "citation" list of
/// Claim / DigitalDocument objects. No "additionalType", so no "AI generated" label: the answers are not generated.
/// </summary>
public static class CitationEntities
{
    public const string MessageEntityType = "https://schema.org/Message";

    public const int MaxCitations = 10;
    public const int MaxNameLength = 80;
    public const int MaxAbstractLength = 160;
    public const int MaxKeywords = 3;

    public static Entity Create(IReadOnlyList<ClientCitation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var claims = citations.Take(MaxCitations).Select(c => new Dictionary<string, object?>
        {
            ["@type"] = "Claim",
            ["position"] = c.Position,
            ["appearance"] = Appearance(c),
        });
        var properties = new Dictionary<string, object?>
        {
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["citation"] = claims.ToList(),
        };
        return new Entity
        {
            Type = MessageEntityType,
            Properties = properties.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value, BotJson.Options)),
        };
    }

    private static Dictionary<string, object?> Appearance(ClientCitation citation)
    {
        var appearance = new Dictionary<string, object?>
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Cut(citation.Name, MaxNameLength),
            ["abstract"] = Cut(citation.Abstract, MaxAbstractLength),
        };
        if (citation.Url is { } url && Uri.IsWellFormedUriString(url, UriKind.Absolute))
        {
            appearance["url"] = url;
        }

        if (citation.Keywords is { Count: > 0 } keywords)
        {
            appearance["keywords"] = keywords.Take(MaxKeywords).ToList();
        }

        return appearance;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
