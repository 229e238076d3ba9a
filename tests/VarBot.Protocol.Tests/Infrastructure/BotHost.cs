using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VarBot.Protocol.Schema;
using VarBot.TestSupport;

namespace VarBot.Protocol.Tests.Infrastructure;

/// <summary>The bot side: a real Kestrel host with AddBotProtocol + MapBotMessages and a bot whose behaviour each test sets.</summary>
internal sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, DelegateBot bot, CapturingLoggerProvider logs)
    {
        _app = app;
        Bot = bot;
        Logs = logs;
    }

    public DelegateBot Bot { get; }

    public IServiceProvider Services => _app.Services;

    public CapturingLoggerProvider Logs { get; }

    public Uri MessagesUri { get; private set; } = null!;

    /// <summary>Cancelled when the host stops itself (e.g. a refused binding).</summary>
    public CancellationToken Stopping { get; private set; }

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        IPAddress? callerAddress = null,
        string? environment = null,
        IPAddress? listenAddress = null)
    {
        // Without an app id the protocol layer runs in Development only (and on loopback addresses only).
        var hasAppId = settings?.TryGetValue("Bot:MicrosoftAppId", out var appId) == true && !string.IsNullOrEmpty(appId);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment ?? (hasAppId ? "Production" : "Development") });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (hasAppId && settings!.Keys.All(key => !key.StartsWith("Bot:AllowedServiceUrlHosts", StringComparison.Ordinal)))
        {
            // The fake Bot Framework channel and connector listen on loopback, which outside Development must be named.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1" });
        }

        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.WebHost.UseKestrel(o => o.Listen(listenAddress ?? IPAddress.Loopback, 0));

        var bot = new DelegateBot();
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddSingleton<IBotHandler>(bot);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        if (callerAddress is not null)
        {
            // Makes a loopback request look as if it came from elsewhere, without sending traffic off the machine.
            app.Use((context, next) =>
            {
                context.Connection.RemoteIpAddress = callerAddress;
                return next(context);
            });
        }

        app.MapBotMessages("/api/messages");
        await app.StartAsync();

        var host = new BotHost(app, bot, logs);
        host.Stopping = app.Lifetime.ApplicationStopping;
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.MessagesUri = new Uri(new Uri(bound), "/api/messages");
        return host;
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? bearer = null) =>
        PostJsonAsync(System.Text.Json.JsonSerializer.Serialize(activity, BotJson.Options), bearer);

    public Task<HttpResponseMessage> PostJsonAsync(string json, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return Client.SendAsync(request);
    }

    /// <summary>
    /// Waits (at most 30 s) until no activity is queued and no turn runs, seen twice 20 ms apart (a worker that just
    /// took an activity has not entered the bot yet).
    /// </summary>
    public async Task WaitUntilIdleAsync()
    {
        var queue = Services.GetRequiredService<VarBot.Protocol.Hosting.ActivityQueue>();
        bool Idle() => queue.Reader.Count == 0 && Bot.Running == 0;
        do
        {
            await Poll.UntilAsync(Idle, "the host's queued turns to finish", TimeSpan.FromSeconds(30));
            await Task.Delay(20);
        }
        while (!Idle());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>The bot under test: runs <see cref="OnTurn"/> and counts turns.</summary>
internal sealed class DelegateBot : IBotHandler
{
    private int _turns;
    private int _running;

    public Func<ITurnContext, CancellationToken, Task> OnTurn { get; set; } = (_, _) => Task.CompletedTask;

    public int Turns => Volatile.Read(ref _turns);

    /// <summary>Turns that started and have not finished yet.</summary>
    public int Running => Volatile.Read(ref _running);

    public void Reset()
    {
        OnTurn = (_, _) => Task.CompletedTask;
        Volatile.Write(ref _turns, 0);
    }

    public async Task OnActivityAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _turns);
        Interlocked.Increment(ref _running);
        try
        {
            await OnTurn(turn, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
