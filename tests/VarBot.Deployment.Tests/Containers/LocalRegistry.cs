using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VarBot.Deployment.Tests.Containers;

/// <summary>
/// The read side of the OCI distribution API (GET/HEAD /v2/, manifests and blobs) for one repository, on a free
/// loopback port: enough for the SDK's container support to pull a base image. The SDK talks plain HTTP to it because
/// the registry is named localhost:PORT (and DOTNET_CONTAINER_INSECURE_REGISTRIES says so too).
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalRegistry(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Host => $"localhost:{Port}";

    public static async Task<LocalRegistry> StartAsync(string repository, string tag, OciImage image)
    {
        var port = TestSupport.LocalServer.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        app.MapMethods("/v2/", ["GET", "HEAD"], () => Results.Ok());
        app.MapMethods($"/v2/{repository}/manifests/{{reference}}", ["GET", "HEAD"], (string reference, HttpContext context) =>
            reference == tag || reference == image.ManifestDigest
                ? Content(context, image.Manifest, OciImage.ManifestMediaType, image.ManifestDigest)
                : Results.NotFound());
        app.MapMethods($"/v2/{repository}/blobs/{{digest}}", ["GET", "HEAD"], (string digest, HttpContext context) =>
            image.Blobs.TryGetValue(digest, out var blob) ? Content(context, blob, "application/octet-stream", digest) : Results.NotFound());

        await app.StartAsync();
        return new LocalRegistry(app, port);
    }

    private static IResult Content(HttpContext context, byte[] content, string mediaType, string digest)
    {
        context.Response.Headers["Docker-Content-Digest"] = digest;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = mediaType;
            context.Response.ContentLength = content.Length;
            return Results.Empty;
        }

        return Results.Bytes(content, mediaType);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
