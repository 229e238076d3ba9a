using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Hosting;
using VarBot.Storage;

namespace VarBot.Newsletter.Tests;

/// <summary>A real Kestrel host on 127.0.0.1 with the newsletter endpoints, as the bot host maps them.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestHost> StartAsync(
        ServersFixture servers,
        IBlobContainer container,
        KnowledgeModel model,
        int connections = 4,
        IReadOnlyDictionary<string, string?>? settings = null,
        INewsletterModelSource? modelSource = null,
        ILoggerProvider? logs = null)
    {
        var port = TestSupport.LocalServer.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(Harness.Settings(servers.MailDev.SmtpPort, baseUrl, connections));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (logs is not null)
        {
            // Everything down to Trace, as an operator turning logging up would see it.
            builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        }

        builder.Services.AddSingleton(modelSource ?? new FixedModelSource(model));
        builder.Services.AddNewsletter(builder.Configuration, _ => container);
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapNewsletterEndpoints();
        await app.StartAsync();
        return new TestHost(app, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
