using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using VarBot.Protocol.Auth;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Connector;

/// <summary>
/// Sends activities to the channel's connector.
/// Spec: Bot Framework REST API reference, "Reply to Activity" (POST /v3/conversations/{conversationId}/activities/{activityId})
/// and "Send to Conversation" (POST /v3/conversations/{conversationId}/activities).
/// </summary>
internal sealed class ConnectorClient(IHttpClientFactory httpClientFactory, IConnectorTokenProvider tokens, ILogger<ConnectorClient> logger)
{
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var uri = ActivitiesUri(activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(activity, options: BotJson.Options),
        };
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var client = httpClientFactory.CreateClient(ProtocolHttpClients.Connector);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        logger.ActivitySent(activity.Type, activity.Conversation?.Id, (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Connector answered {(int)response.StatusCode} to {activity.Type} for conversation {activity.Conversation?.Id}", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength is 0 or null && response.Content.Headers.ContentType is null)
        {
            return new ResourceResponse(null);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
        }
        catch (System.Text.Json.JsonException)
        {
            // The activity was delivered; a connector that answers without a ResourceResponse body only loses the id.
            return new ResourceResponse(null);
        }
    }

    public static Uri ActivitiesUri(Activity activity)
    {
        var serviceUrl = activity.ServiceUrl?.TrimEnd('/') ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        var path = $"{serviceUrl}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        return new Uri(path, UriKind.Absolute);
    }
}
