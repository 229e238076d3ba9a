using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VarBot.Protocol.Tests.Infrastructure;

/// <summary>A POST the bot made to the connector.</summary>
public sealed record ConnectorPost(string Path, string? Authorization, JsonObject Body);

/// <summary>
/// The Bot Framework side, on a real Kestrel server on 127.0.0.1: OpenID metadata and JWKS with a test RSA key (for inbound
/// tokens signed by <see cref="CreateToken"/>) and a connector that records POSTs to /v3/conversations/... and answers 201.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private int _replyNumber;

    private FakeBotFramework(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
    }

    public ConcurrentQueue<ConnectorPost> Posts { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The serviceUrl activities carry, so that replies come back here.</summary>
    public string ServiceUrl => BaseUrl + "/connector";

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public int MetadataRequests;

    public static async Task<FakeBotFramework> StartAsync(IReadOnlyList<string>? endorsements = null)
    {
        var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = KeyId };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeBotFramework(app, key);

        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
        }

        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref fake.MetadataRequests);
            return Results.Json(new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = fake.BaseUrl + "/v1/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/v1/keys", () => Results.Json(new JsonObject { ["keys"] = new JsonArray(jwk) }));
        app.MapPost("/connector/v3/conversations/{conversationId}/activities/{**replyToId}", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body) ?? [];
            fake.Posts.Enqueue(new ConnectorPost(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, context.Request.Headers.Authorization.FirstOrDefault(), body));
            return Results.Json(new { id = "reply-" + Interlocked.Increment(ref fake._replyNumber) }, statusCode: 201);
        });

        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>A token as the Bot Connector sends it; every part can be spoiled by the caller.</summary>
    public string CreateToken(string audience, string? serviceUrl = null, string issuer = Issuer, DateTime? notBefore = null, DateTime? expires = null, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl ?? ServiceUrl)]),
            SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
