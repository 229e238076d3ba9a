using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VarBot.TestSupport;

namespace VarBot.Deployment.Tests.Containers;

/// <summary>The bot host's container image, built with the SDK's container support into an archive.</summary>
[Trait("Category", "Slow")]
public sealed class ContainerImageTests(ContainerImageFixture image) : IClassFixture<ContainerImageFixture>
{
    private JsonNode Config => image.Archive.Config["config"]!;

    [Fact]
    public void Image_Config_RunsAsNonRootAppUserOnPort8080()
    {
        Assert.Equal("1654", (string?)Config["User"]);
        var ports = Config["ExposedPorts"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["8080/tcp"], ports);
        var env = Config["Env"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", env);
        Assert.Contains("APP_UID=1654", env);
        Assert.Equal("/app/", (string?)Config["WorkingDir"]);
        Assert.Equal("linux", (string?)image.Archive.Config["os"]);
        Assert.Equal("amd64", (string?)image.Archive.Config["architecture"]);
    }

    [Fact]
    public void Image_Entrypoint_StartsTheBotHost()
    {
        var entrypoint = Config["Entrypoint"]!.AsArray().Select(e => (string)e!).ToList();

        Assert.True(
            entrypoint.SequenceEqual(["/app/VarBot.Bot"]) || entrypoint.SequenceEqual(["dotnet", "/app/VarBot.Bot.dll"]),
            "Entrypoint: " + string.Join(' ', entrypoint));
        Assert.Contains(AppFiles(), f => f.Name == "app/" + entrypoint[^1].Split('/')[^1]);
    }

    [Fact]
    public void Image_Labels_NameTheAppTheProbesAndTheBase()
    {
        var labels = Config["Labels"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value);

        Assert.Equal("VarBot", labels["org.opencontainers.image.title"]);
        Assert.Equal("VeiligheidsAlliantie regio Rotterdam", labels["org.opencontainers.image.vendor"]);
        Assert.StartsWith("VarBot: Teams knowledge bot", labels["org.opencontainers.image.description"], StringComparison.Ordinal);
        Assert.Equal("/readyz", labels["nl.veiligheidsalliantie.varbot.readiness-probe"]);
        Assert.Equal("/healthz", labels["nl.veiligheidsalliantie.varbot.liveness-probe"]);
        Assert.Equal(image.BaseImage, labels["org.opencontainers.image.base.name"]);
        Assert.Equal("10.0", labels["net.dot.runtime.majorminor"]);
    }

    [Fact]
    public void Image_AppLayer_HoldsTheHostTheCardsAndTheNewsletterTemplates()
    {
        var files = AppFiles();
        var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("app/VarBot.Bot.dll", names);
        Assert.Contains("app/VarBot.Templates.dll", names);
        Assert.Contains("app/VarBot.Answering.dll", names);
        foreach (var card in Directory.GetFiles(RepoPaths.Cards, "*.json"))
        {
            var inImage = Assert.Single(files, f => f.Name == "app/cards/" + Path.GetFileName(card));
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(card)), SHA256.HashData(inImage.Content));
        }

        // The non-root app user (uid 1654) can read every file it runs.
        Assert.All(files.Where(f => f.Type == TarEntryType.RegularFile), f => Assert.True(
            f.Mode.HasFlag(UnixFileMode.OtherRead) || (f.Uid == 1654 && f.Mode.HasFlag(UnixFileMode.UserRead)), $"{f.Name}: uid {f.Uid}, mode {f.Mode}"));
        Assert.DoesNotContain(names, n => n.Contains(".Tests.", StringComparison.Ordinal) || n.Contains("xunit", StringComparison.OrdinalIgnoreCase));
    }

    private IReadOnlyList<TarFile> AppFiles() => image.Archive.Layers[^1];
}
