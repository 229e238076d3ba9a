using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Hosting;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>Azurite and maildev, shared by the tests that send mail or store blobs.</summary>
public sealed class ServersFixture : IDisposable
{
    public AzuriteFixture Azurite { get; } = new();

    public MailDevFixture MailDev { get; } = new();

    public SeedsModelFixture Seeds { get; } = new();

    public void Dispose()
    {
        Azurite.Dispose();
        MailDev.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}

internal static class Harness
{
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static Dictionary<string, string?> Settings(int smtpPort, string baseUrl, int connections = 4) => new()
    {
        ["Newsletter:PublicBaseUrl"] = baseUrl,
        ["Newsletter:SigningKey"] = SigningKey,
        ["Newsletter:FromAddress"] = "nieuwsbrief@var.test",
        ["Newsletter:Smtp:Host"] = "127.0.0.1",
        ["Newsletter:Smtp:Port"] = smtpPort.ToString(),
        ["Newsletter:Smtp:Connections"] = connections.ToString(),
        ["Newsletter:Smtp:RetryBaseDelay"] = "00:00:00.050",
    };

    /// <summary>The newsletter services over a fresh container in Azurite, without a web host.</summary>
    public static async Task<(ServiceProvider Services, IBlobContainer Container)> ServicesAsync(ServersFixture servers, KnowledgeModel model, string baseUrl = "http://127.0.0.1:9", int connections = 4)
    {
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName("nl"));
        await container.CreateIfNotExistsAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(servers.MailDev.SmtpPort, baseUrl, connections)).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<INewsletterModelSource>(new FixedModelSource(model))
            .AddNewsletter(configuration, _ => container)
            .BuildServiceProvider();
        return (services, container);
    }
}

/// <summary>Reads what maildev stored, polling because it answers 250 before storing.</summary>
internal sealed class MailDevClient(MailDevFixture maildev) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = maildev.WebApi };

    public async Task ClearAsync() => (await _http.DeleteAsync("email/all")).EnsureSuccessStatusCode();

    public async Task<List<JsonElement>> AllAsync() =>
        (await _http.GetFromJsonAsync<List<JsonElement>>("email"))!;

    public async Task<List<JsonElement>> WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<JsonElement> mails;
        do
        {
            mails = await AllAsync();
            if (mails.Count >= count)
            {
                // Settle: make sure nothing more is arriving.
                await Task.Delay(50);
                var again = await AllAsync();
                if (again.Count == mails.Count)
                {
                    return again;
                }
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);
        return mails;
    }

    public async Task<string> SourceAsync(string id) => await _http.GetStringAsync($"email/{id}/source");

    public static string To(JsonElement mail) => mail.GetProperty("to")[0].GetProperty("address").GetString()!;

    public static string? Header(JsonElement mail, string name)
    {
        foreach (var header in mail.GetProperty("headers").EnumerateObject())
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString() : header.Value.ToString();
            }
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Keeps every log line (category, level, text, exception) of a host, to check what reaches the logs.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {exception}");
    }
}
