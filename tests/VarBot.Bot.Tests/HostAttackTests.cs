using System.Net;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// Reliability, host: each test reproduces an attack or fault from the security and fault review against the built bot
/// host as operators run it (its own process, a real Azurite) and shows it now holds. The protocol layer's own attacks are
/// in tests/VarBot.Protocol.Tests/ProtocolAttackTests.cs.
/// </summary>
public sealed class HostAttackTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SigningKey = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWZvci1ib3QtaG9zdC10ZXN0cw==";

    [Fact]
    public async Task HostStartedFromAnotherWorkingDirectory_LoadsItsOwnAppsettingsAndLogsNoUnsubscribeToken()
    {
        var elsewhere = Directory.CreateTempSubdirectory("varbot-cwd-").FullName;
        const string token = "attackerseestheunsubscribetoken0123456789";
        try
        {
            using var bot = BotProcess.Start(
                new Dictionary<string, string>
                {
                    ["Storage__ConnectionString"] = azurite.ConnectionString,
                    ["Storage__Container"] = AzuriteFixture.UniqueContainerName("cwd"),
                    ["VarBot__PublishSeedsWhenEmpty"] = "true",
                    ["VarBot__SeedsPath"] = RepoPaths.Seeds,
                    ["Newsletter__SigningKey"] = SigningKey,
                    // Information for every category unless appsettings.json says otherwise ("Microsoft.AspNetCore": "Warning").
                    ["Logging__LogLevel__Default"] = "Information",
                },
                workingDirectory: elsewhere);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bot.Port}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitUntilReadyAsync(bot, client);

            using (var unsubscribe = await client.GetAsync("/nieuwsbrief/afmelden?token=" + token))
            {
                Assert.NotEqual(HttpStatusCode.InternalServerError, unsubscribe.StatusCode);
            }

            using (var form = await client.GetAsync("/nieuwsbrief"))
            {
                Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            }

            await bot.StopAsync(TimeSpan.FromSeconds(60)); // all output is in once the process has exited
            var output = bot.Output;

            Assert.Contains("Content root path: " + AppContext.BaseDirectory.TrimEnd('/'), output, StringComparison.Ordinal);
            Assert.DoesNotContain("Content root path: " + elsewhere, output, StringComparison.Ordinal);
            // Had appsettings.json been skipped, Microsoft.AspNetCore would log at Information ("Executing endpoint ...").
            Assert.DoesNotContain("info: Microsoft.AspNetCore.", output, StringComparison.Ordinal);
            Assert.DoesNotContain(token, output, StringComparison.Ordinal);
            Assert.DoesNotContain("token=", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private static async Task WaitUntilReadyAsync(BotProcess bot, HttpClient client)
    {
        var ready = await Poll.UntilAsync(() => IsReadyAsync(client), r => r || bot.HasExited, TimeSpan.FromSeconds(120));
        if (!ready)
        {
            throw new TimeoutException($"The bot host did not become ready (exited: {bot.HasExited}). Output:\n{bot.Tail()}");
        }
    }

    private static async Task<bool> IsReadyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/readyz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }
}
