using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VarBot.Cli.Teams;

/// <summary>Settings for the Teams app package; the bot id is the Entra app id the bot runs as.</summary>
internal sealed record TeamsAppSettings(string BotId, string Version, string WebsiteUrl, string? AppId = null);

/// <summary>
/// Builds the Teams app package (appPackage.zip: manifest.json, color.png, outline.png) following the
/// Microsoft Teams app manifest schema v1.19 (learn.microsoft.com, "App manifest schema"): the bot in personal, team and
/// group chat scope with prompt starters per scope, and the search-based message extension.
/// </summary>
internal static class TeamsAppPackage
{
    public const string ManifestVersion = "1.19";

    public static JsonObject Manifest(TeamsAppSettings settings)
    {
        if (!Guid.TryParse(settings.BotId, out var botId))
        {
            throw new ArgumentException(CliTexts.TeamsPackage.BadBotId, nameof(settings));
        }

        var appId = settings.AppId is { } configured && Guid.TryParse(configured, out var parsed) ? parsed : DeriveAppId(botId);
        return new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/en-us/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = ManifestVersion,
            ["version"] = settings.Version,
            ["id"] = appId.ToString(),
            ["developer"] = new JsonObject
            {
                ["name"] = CliTexts.TeamsManifest.DeveloperName,
                ["websiteUrl"] = settings.WebsiteUrl,
                ["privacyUrl"] = settings.WebsiteUrl.TrimEnd('/') + "/privacy",
                ["termsOfUseUrl"] = settings.WebsiteUrl.TrimEnd('/') + "/gebruiksvoorwaarden",
            },
            ["name"] = new JsonObject { ["short"] = "VarBot", ["full"] = CliTexts.TeamsManifest.FullName },
            ["description"] = new JsonObject
            {
                ["short"] = CliTexts.TeamsManifest.ShortDescription,
                ["full"] = CliTexts.TeamsManifest.FullDescription,
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = "#1F4E79",
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = botId.ToString(),
                ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(
                    CommandList(["personal"], CliTexts.TeamsManifest.PersonalCommands),
                    CommandList(["team", "groupChat"], CliTexts.TeamsManifest.GroupCommands)),
            }),
            ["composeExtensions"] = new JsonArray(new JsonObject
            {
                ["botId"] = botId.ToString(),
                ["canUpdateConfiguration"] = false,
                ["commands"] = new JsonArray(new JsonObject
                {
                    ["id"] = SearchCommandId,
                    ["type"] = "query",
                    ["title"] = CliTexts.TeamsManifest.SearchTitle,
                    ["description"] = CliTexts.TeamsManifest.SearchDescription,
                    ["initialRun"] = true,
                    ["context"] = new JsonArray("compose", "commandBox"),
                    ["parameters"] = new JsonArray(new JsonObject
                    {
                        ["name"] = SearchParameter,
                        ["title"] = CliTexts.TeamsManifest.SearchParameterTitle,
                        ["description"] = CliTexts.TeamsManifest.SearchParameterDescription,
                        ["inputType"] = "text",
                    }),
                }),
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray(new Uri(settings.WebsiteUrl).Host),
            ["localizationInfo"] = new JsonObject { ["defaultLanguageTag"] = "nl-nl" },
        };
    }

    /// <summary>Writes appPackage.zip to <paramref name="path"/>.</summary>
    public static void Write(TeamsAppSettings settings, string path)
    {
        var manifest = Manifest(settings).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, "manifest.json", Encoding.UTF8.GetBytes(manifest));
        Add(zip, "color.png", AppIcons.Color());
        Add(zip, "outline.png", AppIcons.Outline());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }

    /// <summary>The command id and parameter of the search extension; the bot's MessageExtensionHandler reads the same names.</summary>
    public const string SearchCommandId = "zoeken";

    public const string SearchParameter = "zoekterm";

    private static JsonObject CommandList(string[] scopes, IReadOnlyList<(string Title, string Description)> commands) => new()
    {
        ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode?)JsonValue.Create(s))]),
        ["commands"] = new JsonArray([.. commands.Select(c => (JsonNode?)new JsonObject { ["title"] = c.Title, ["description"] = c.Description })]),
    };

    /// <summary>A stable Teams app id derived from the bot id, so re-packaging updates the same app.</summary>
    private static Guid DeriveAppId(Guid botId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("varbot-teams-app:" + botId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style marker
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16));
    }
}
