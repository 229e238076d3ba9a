using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VarBot.Protocol.Auth;
using VarBot.Protocol.Connector;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Hosting;

/// <summary>
/// POST /api/messages, following the CloudAdapter contract: refuse bad requests before any bot code runs, answer invokes
/// and expectReplies in the body, queue everything else for the background service and answer 202.
/// </summary>
internal sealed class BotMessagesEndpoint(
    IOptions<BotOptions> options,
    BotTokenValidator tokens,
    ActivityQueue queue,
    ConnectorClient connector,
    ServiceUrlPolicy serviceUrls,
    TurnRunner runner,
    ILogger<BotMessagesEndpoint> logger)
{
    public const int MaxBodyBytes = 256 * 1024;

    public async Task ProcessAsync(HttpContext context)
    {
        try
        {
            await ProcessCoreAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nobody reads the answer.
            return;
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // A body cut short (a client that went away mid-request, as a load generator does at its end) or one that
            // arrives too slowly: the caller's fault, one line without a stack trace, and Kestrel's status for it.
            logger.RequestRefused(context.Request.Method, context.Request.Path, exception.StatusCode, exception.Message);
            context.Response.StatusCode = exception.StatusCode;
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            // Only a broken app gets here (turn errors are handled by TurnRunner): a bare 500, never a stack trace.
            logger.ProcessingFailed(exception, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private async Task ProcessCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "only POST is allowed").ConfigureAwait(false);
            return;
        }

        var bot = options.Value;
        TokenCheck? token = null;
        if (!bot.IsAuthenticationEnabled)
        {
            if (!Loopback.IsLoopback(context.Connection.RemoteIpAddress))
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "no app id configured: loopback callers only").ConfigureAwait(false);
                return;
            }
        }
        else
        {
            token = await tokens.ValidateAsync(request.Headers.Authorization, ct).ConfigureAwait(false);
            if (!token.IsValid)
            {
                await UnauthorizedAsync(context, token.Failure ?? "invalid token").ConfigureAwait(false);
                return;
            }
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "body over 256 KB").ConfigureAwait(false);
            return;
        }

        // A body with a Content-Length (Kestrel never delivers more) needs a buffer of that size, not the 256 KB cap.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared + 1 : MaxBodyBytes + 1);
        Activity? activity;
        try
        {
            var length = await ReadBodyAsync(request.Body, buffer, ct).ConfigureAwait(false);
            if (length > MaxBodyBytes)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "body over 256 KB").ConfigureAwait(false);
                return;
            }

            activity = Parse(buffer.AsSpan(0, length), out var parseError);
            if (activity is null)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, parseError).ConfigureAwait(false);
                return;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (Validate(activity) is { } invalid)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, invalid).ConfigureAwait(false);
            return;
        }

        if (!serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "serviceUrl is not an allowed connector address").ConfigureAwait(false);
            return;
        }

        if (token is not null)
        {
            if (!BotTokenValidator.ServiceUrlMatches(token.ServiceUrl, activity.ServiceUrl))
            {
                await UnauthorizedAsync(context, "serviceUrl claim does not match the activity").ConfigureAwait(false);
                return;
            }

            if (!BotTokenValidator.EndorsementsAllow(token.Endorsements, activity.ChannelId))
            {
                await UnauthorizedAsync(context, "signing key does not endorse the channel").ConfigureAwait(false);
                return;
            }
        }

        await DispatchAsync(context, activity).ConfigureAwait(false);
    }

    private async Task DispatchAsync(HttpContext context, Activity activity)
    {
        var ct = context.RequestAborted;
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (!isInvoke && !expectReplies)
        {
            if (!queue.TryEnqueue(activity))
            {
                logger.QueueFull(activity.Id, activity.Conversation?.Id);
                context.Response.Headers.RetryAfter = "1";
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return;
            }

            logger.ActivityAccepted(activity.Type, activity.Id, activity.Conversation?.Id, "queued");
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        logger.ActivityAccepted(activity.Type, activity.Id, activity.Conversation?.Id, isInvoke ? "invoke" : "expectReplies");
        var replies = new List<Activity>();
        Func<Activity, CancellationToken, Task<ResourceResponse>> send = expectReplies
            ? (reply, _) =>
            {
                lock (replies)
                {
                    replies.Add(reply);
                }

                return Task.FromResult(new ResourceResponse(reply.Id));
            }
            : connector.SendAsync;
        var turn = new TurnContext(activity, send);
        var handler = context.RequestServices.GetRequiredService<IBotHandler>();
        await runner.RunAsync(handler, turn, ct).ConfigureAwait(false);

        if (isInvoke)
        {
            if (turn.InvokeResponse is not { } invokeResponse)
            {
                logger.NoInvokeResponse(activity.Name, activity.Id);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            // A status outside the HTTP range would make ASP.NET Core throw; the bot meant "handled".
            context.Response.StatusCode = invokeResponse.Status is >= 200 and <= 599 ? invokeResponse.Status : StatusCodes.Status200OK;
            if (invokeResponse.Body is not null)
            {
                await WriteJsonAsync(context.Response, invokeResponse.Body, ct).ConfigureAwait(false);
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        await WriteJsonAsync(context.Response, new ExpectedReplies(replies), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer as one JSON body with its Content-Length: serialised first and written in one go, so a reply (a few KB)
    /// leaves in one send instead of chunks, a flush and an end-of-body chunk.
    /// </summary>
    private static async Task WriteJsonAsync<T>(HttpResponse response, T value, CancellationToken ct)
    {
        using var json = PooledJson.Serialize(value);
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Written.Length;
        await response.Body.WriteAsync(json.Written, ct).ConfigureAwait(false);
    }

    private static async Task<int> ReadBodyAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        // Reads at most MaxBodyBytes + 1 bytes, so a body without (or with a false) Content-Length is still capped.
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, MaxBodyBytes + 1) - total), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > MaxBodyBytes)
            {
                break;
            }
        }

        return total;
    }

    private static Activity? Parse(ReadOnlySpan<byte> json, out string error)
    {
        error = "body is not a JSON activity";
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options);
            return activity;
        }
        catch (JsonException)
        {
            error = "unparsable JSON";
            return null;
        }
        catch (ArgumentException)
        {
            // e.g. duplicate property names that the model cannot hold.
            error = "invalid JSON";
            return null;
        }
    }

    /// <summary>Fields without which an activity cannot be handled or answered; null when valid.</summary>
    internal static string? Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "missing type";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "missing conversation.id";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "missing serviceUrl";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "serviceUrl is not an absolute http(s) URL";
        }

        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "missing from.id";
        }

        return null;
    }

    private Task UnauthorizedAsync(HttpContext context, string reason)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return RefuseAsync(context, StatusCodes.Status401Unauthorized, reason);
    }

    /// <summary>
    /// The reason goes to the log; the body says only what a legitimate caller needs to fix its request (401 and 403
    /// never say which check failed, so a prober learns nothing about the token validation).
    /// </summary>
    private Task RefuseAsync(HttpContext context, int statusCode, string reason)
    {
        logger.RequestRefused(context.Request.Method, context.Request.Path, statusCode, reason);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var body = statusCode switch
        {
            StatusCodes.Status401Unauthorized => "unauthorized",
            StatusCodes.Status403Forbidden => "forbidden",
            _ => reason,
        };
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
