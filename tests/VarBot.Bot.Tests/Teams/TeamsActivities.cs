using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VarBot.Bot.Tests.Infrastructure;

namespace VarBot.Bot.Tests.Teams;

/// <summary>Activities shaped like Teams sends them in channels, group chats, invokes and the search extension.</summary>
internal static class TeamsActivities
{
    public const string BotId = "varbot-id";

    /// <summary>A message in a channel thread or group chat from <paramref name="userId"/>, with or without the bot's @mention.</summary>
    public static JsonObject Group(string text, string conversationId, string userId, bool mention, string conversationType = "channel", string? localTimestamp = null)
    {
        var activity = Activities.Message(mention ? $"<at>VarBot</at> {text}" : text, conversationId, localTimestamp, conversationType: conversationType);
        activity["from"] = new JsonObject { ["id"] = userId, ["name"] = "Collega " + userId, ["aadObjectId"] = "aad-" + userId };
        activity["conversation"]!["isGroup"] = true;
        if (conversationType == "channel")
        {
            activity["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = conversationId.Split(';')[0] },
                ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
                ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
            };
        }

        if (mention)
        {
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>VarBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "VarBot" },
            });
        }

        return activity;
    }

    /// <summary>A 1:1 message from a member with their own conversation, answered at <paramref name="serviceUrl"/>.</summary>
    public static JsonObject Personal(string text, string memberId, string serviceUrl, string? localTimestamp = null)
    {
        var activity = Activities.Message(text, "a:personal-" + memberId, localTimestamp);
        activity["from"] = new JsonObject { ["id"] = "29:" + memberId, ["name"] = "Lid " + memberId, ["aadObjectId"] = "aad-" + memberId };
        activity["serviceUrl"] = serviceUrl;
        return activity;
    }

    /// <summary>The search extension's query invoke (MessagingExtensionQuery), or its initial run.</summary>
    public static JsonObject Query(string? text, string conversationId, string? localTimestamp = null)
    {
        var activity = Activities.Invoke(conversationId, "unused", []);
        activity["name"] = "composeExtension/query";
        activity["localTimestamp"] = localTimestamp;
        var parameters = text is null
            ? new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" })
            : new JsonArray(new JsonObject { ["name"] = "zoekterm", ["value"] = text });
        activity["value"] = new JsonObject
        {
            ["commandId"] = "zoeken",
            ["parameters"] = parameters,
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        };
        return activity;
    }

    /// <summary>The refresh invoke Teams sends when it shows a card with a refresh (trigger "automatic").</summary>
    public static JsonObject Refresh(JsonObject card, string conversationId, string localTimestamp)
    {
        var action = card["refresh"]!["action"]!;
        var activity = Activities.Invoke(conversationId, (string)action["verb"]!, action["data"]!.DeepClone().AsObject());
        activity["value"]!["trigger"] = "automatic";
        activity["localTimestamp"] = localTimestamp;
        return activity;
    }

    /// <summary>Posts an invoke and returns the HTTP status and the JSON body (the invoke response).</summary>
    public static async Task<(int Status, JsonNode? Body)> InvokeAsync(this HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>What a member reads as the answer: the text without its citation numbers, else the card's fallback text.</summary>
    public static string? AnswerText(this JsonNode reply) =>
        (string?)reply["text"] is { } text
            ? System.Text.RegularExpressions.Regex.Replace(text, @"( \[\d+\])+$", "")
            : (string?)reply["attachments"]?[0]?["content"]?["fallbackText"];

    /// <summary>Every action of a card (body and actions), flattened.</summary>
    public static IReadOnlyList<JsonObject> AllActions(this JsonNode card)
    {
        var found = new List<JsonObject>();
        Walk(card, found);
        return found;

        static void Walk(JsonNode? node, List<JsonObject> found)
        {
            switch (node)
            {
                case JsonObject o:
                    if ((string?)o["type"] is { } type && type.StartsWith("Action.", StringComparison.Ordinal))
                    {
                        found.Add(o);
                    }

                    foreach (var (key, child) in o)
                    {
                        if (key != "refresh")
                        {
                            Walk(child, found);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child, found);
                    }

                    break;
            }
        }
    }
}
