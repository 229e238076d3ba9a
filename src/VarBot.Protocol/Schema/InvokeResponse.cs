using System.Text.Json.Nodes;

namespace VarBot.Protocol.Schema;

/// <summary>The HTTP answer to an invoke activity: <see cref="Status"/> becomes the status code, <see cref="Body"/> the JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body = null)
{
    public const string ErrorContentType = "application/vnd.microsoft.error";
    public const string MessageContentType = "application/vnd.microsoft.activity.message";

    /// <summary>Answer to "adaptiveCard/action" that replaces the card (Universal Actions).</summary>
    public static InvokeResponse AdaptiveCard(JsonNode card) => Universal(Attachment.AdaptiveCardContentType, card);

    /// <summary>Answer to "adaptiveCard/action" that shows a text message.</summary>
    public static InvokeResponse Message(string text) => Universal(MessageContentType, JsonValue.Create(text));

    private static InvokeResponse Universal(string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = 200, ["type"] = type, ["value"] = value });
}

/// <summary>Body of the answer to an activity with deliveryMode "expectReplies".</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The connector's answer to a sent activity.</summary>
public sealed record ResourceResponse(string? Id);
