using VarBot.TestSupport;

namespace VarBot.Deployment.Tests.Containers;

/// <summary>
/// Builds the bot host's image archive once: the local stand-in base image (<see cref="LocalBaseImage"/>) served by
/// <see cref="LocalRegistry"/>, then the SDK's 'dotnet publish -t:PublishContainer' with ContainerArchiveOutputPath and
/// only the base image overridden; every other container setting comes from src/VarBot.Bot/VarBot.Bot.csproj.
/// </summary>
public sealed class ContainerImageFixture : IAsyncLifetime
{
    public const string BaseRepository = "dotnet/aspnet";
    public const string BaseTag = "10.0";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-image-");

    public string ArchivePath => Path.Combine(_work.FullName, "varbot.tar.gz");

    public string PublishOutput { get; private set; } = "";

    public ImageArchive Archive { get; private set; } = null!;

    public string BaseImage { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The image is built for linux-x64 from this machine's own .NET runtime: run this test on Linux.");
        }

        var image = await LocalBaseImage.BuildAsync();
        await using var registry = await LocalRegistry.StartAsync(BaseRepository, BaseTag, image);
        BaseImage = $"{registry.Host}/{BaseRepository}:{BaseTag}";
        var publishDir = Path.Combine(_work.FullName, "publish") + Path.DirectorySeparatorChar;
        var run = await ScriptRunner.RunAsync(
            "dotnet",
            [
                "publish", Path.Combine(RepoPaths.Root, "src", "VarBot.Bot", "VarBot.Bot.csproj"),
                "-c", "Release", "-t:PublishContainer", "-nologo",
                "-p:ContainerBaseImage=" + BaseImage,
                "-p:ContainerArchiveOutputPath=" + ArchivePath,
                "-p:PublishDir=" + publishDir,
            ],
            TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry.Host, ["SDK_CONTAINER_INSECURE_REGISTRIES"] = registry.Host });
        PublishOutput = run.Output;
        Assert.True(run.ExitCode == 0, "dotnet publish -t:PublishContainer failed:\n" + run.Output);
        Archive = await ImageArchive.ReadAsync(ArchivePath);
    }

    public Task DisposeAsync()
    {
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
