using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using VarBot.Protocol.Auth;
using VarBot.Protocol.Proactive;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Connector;

/// <summary>
/// Calls the channel's connector with the bot's token.
/// Spec: Bot Framework REST API reference, "Reply to Activity" (POST /v3/conversations/{conversationId}/activities/{activityId}),
/// "Send to Conversation" (POST /v3/conversations/{conversationId}/activities) and "Create Conversation" (POST /v3/conversations).
/// A refusal is a <see cref="ConnectorRequestException"/> carrying the connector's Retry-After.
/// </summary>
/// A serviceUrl outside <see cref="ServiceUrlPolicy"/> is never called; a connector host that let a call time out is not
/// called again for <see cref="SlowHostPause"/> (calls fail fast instead of holding a worker).
internal sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokens,
    ServiceUrlPolicy policy,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    public static readonly TimeSpan SlowHostPause = TimeSpan.FromSeconds(30);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _slowHosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var response = await PostAsync<ResourceResponse>(ActivitiesUri(activity), activity, activity.Type, activity.Conversation?.Id, cancellationToken)
            .ConfigureAwait(false);
        return response ?? new ResourceResponse(null);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var uri = new Uri(serviceUrl.TrimEnd('/') + "/v3/conversations", UriKind.Absolute);
        var response = await PostAsync<ConversationResourceResponse>(uri, parameters, "createConversation", null, cancellationToken).ConfigureAwait(false);
        return response ?? new ConversationResourceResponse(null, null, null);
    }

    public static Uri ActivitiesUri(Activity activity) =>
        ServiceUrlPolicy.ConversationUri(
            activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl."),
            activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id."),
            activity.ReplyToId);

    private async Task<TResponse?> PostAsync<TResponse>(Uri uri, object body, string? what, string? conversationId, CancellationToken cancellationToken)
        where TResponse : class
    {
        if (!policy.IsAllowed(uri.GetLeftPart(UriPartial.Authority)))
        {
            logger.ServiceUrlRefused(uri.Host, what);
            throw new ConnectorRequestException(System.Net.HttpStatusCode.Forbidden, null, $"The connector host {uri.Host} is not allowed; nothing was sent.");
        }

        if (_slowHosts.TryGetValue(uri.Authority, out var until) && until > time.GetUtcNow())
        {
            throw new ConnectorRequestException(System.Net.HttpStatusCode.ServiceUnavailable, until - time.GetUtcNow(), $"The connector host {uri.Host} timed out recently; not called until it had a pause.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options),
        };
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var client = httpClientFactory.CreateClient(ProtocolHttpClients.Connector);
        HttpResponseMessage sent;
        try
        {
            sent = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _slowHosts[uri.Authority] = time.GetUtcNow() + SlowHostPause;
            logger.ConnectorTimedOut(uri.Host, what, (int)SlowHostPause.TotalSeconds);
            throw new ConnectorRequestException(System.Net.HttpStatusCode.GatewayTimeout, SlowHostPause, $"The connector host {uri.Host} did not answer {what} in time.");
        }

        using var response = sent;
        logger.ActivitySent(what, conversationId, (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorRequestException(
                response.StatusCode,
                RetryAfter(response),
                $"Connector answered {(int)response.StatusCode} to {what} for conversation {conversationId}");
        }

        if (response.Content.Headers.ContentLength is 0 or null && response.Content.Headers.ContentType is null)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<TResponse>(BotJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            // The call succeeded; a connector that answers without the documented body only loses the ids.
            return null;
        }
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date (RFC 9110 10.2.3); null when absent or already past.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > time.GetUtcNow() => date - time.GetUtcNow(),
        { Date: not null } => TimeSpan.Zero,
        _ => null,
    };
}
