using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Newsletter;

/// <summary>
/// Faults and attacks on `varbot newsletter send` (issue 9), varbot in-process against real Azurite and maildev.
/// See SECURITY.md.
/// </summary>
public sealed class SendingAttackTests(NewsletterServers servers) : IClassFixture<NewsletterServers>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-sendatk-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Send_MaxAttemptsOneAndSmtpServerDown_NoRetryNoCrashFailuresReportedInDutch()
    {
        var cli = new NewsletterCli(servers);
        await cli.Container.CreateIfNotExistsAsync();
        await cli.Subscribers.CreateAsync("een@example.org", null, [], "test", confirmed: true);
        await cli.Subscribers.CreateAsync("twee@example.org", null, [], "test", confirmed: true);
        Assert.Equal(0, (await cli.RunAsync(_work.FullName, "newsletter", "preview", "--month", "2026-08", "--out", "aug", "--seeds", RepoPaths.Seeds)).ExitCode);
        var approve = await cli.RunAsync(_work.FullName, "newsletter", "approve", "--month", "2026-08", "--allow-past-month");
        Assert.True(approve.ExitCode == 0, approve.Output);
        var environment = cli.Environment;
        environment["Newsletter__Smtp__MaxAttempts"] = "1";
        environment["Newsletter__Smtp__Port"] = LocalServer.FreePort().ToString(); // nothing listens there
        environment["Logging__LogLevel__Default"] = "Information";

        var run = await CliRunner.RunAsync(_work.FullName, environment, "newsletter", "send", "--month", "2026-08", "--allow-past-month");

        Assert.Equal(1, run.ExitCode); // failures, not a crash (Polly refused MaxRetryAttempts=0 before)
        Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ValidationException", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"mislukt\s*│\s*2\s", run.Output);
        Assert.Contains("SMTP-verbinding mislukt", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SMTP attempt", run.Output, StringComparison.Ordinal); // the retry log line: no retry happened
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public async Task Send_MaxAttemptsOutOfRange_DutchSettingsMessageExitTwo(string attempts)
    {
        var cli = new NewsletterCli(servers);
        var environment = cli.Environment;
        environment["Newsletter__Smtp__MaxAttempts"] = attempts;

        var run = await CliRunner.RunAsync(_work.FullName, environment, "newsletter", "send", "--month", "2026-08");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("De nieuwsbrief-instellingen kloppen niet", run.Output, StringComparison.Ordinal);
        Assert.Contains("Newsletter:Smtp:MaxAttempts", run.Output, StringComparison.Ordinal);
    }
}
