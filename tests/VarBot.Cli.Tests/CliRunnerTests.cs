namespace VarBot.Cli.Tests;

/// <summary>The in-process runner refuses what it could not honour, so no test silently runs without its settings.</summary>
public sealed class CliRunnerTests
{
    [Theory]
    [InlineData("Storage__ConnectionString", "subscribers", "export")]
    [InlineData("Newsletter__Smtp__Port", "newsletter", "send", "--month", "2026-08")]
    [InlineData("Logging__LogLevel__Default", "newsletter", "preview", "--month", "2026-03")]
    [InlineData("Bot__MicrosoftAppId", "teams-package")]
    public async Task RunAsync_VariableTheCommandReadsFromTheProcess_Refused(string variable, params string[] args)
    {
        var environment = new Dictionary<string, string> { [variable] = "x" };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => CliRunner.RunAsync(Path.GetTempPath(), environment, args));

        Assert.Contains(variable, refused.Message, StringComparison.Ordinal);
        Assert.Contains("RunProcessAsync", refused.Message, StringComparison.Ordinal);
    }
}
