using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Hosting;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>
/// Azurite and maildev for one test class (a class fixture, so classes run in parallel on their own servers). An own
/// Azurite rather than the assembly's shared one: these classes count the table batch requests of imports and measure
/// import rates, which other classes' traffic on one Node process would disturb.
/// </summary>
public sealed class ServersFixture : IDisposable
{
    public AzuriteFixture Azurite { get; } = AzuriteFixture.StartOwn();

    public MailDevFixture MailDev { get; } = new();

    public SeedsModelFixture Seeds { get; } = new();

    public void Dispose()
    {
        Azurite.Dispose();
        MailDev.Dispose();
    }
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
