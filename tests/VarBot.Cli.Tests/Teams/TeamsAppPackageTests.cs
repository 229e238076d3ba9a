using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using VarBot.Cli.Teams;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Teams;

public sealed class TeamsAppPackageTests : IDisposable
{
    private const string BotId = "8a1c6f3e-4b2d-4e5f-9a7b-1c2d3e4f5a6b";
    private readonly string _dir = Directory.CreateTempSubdirectory("varbot-teams-").FullName;

    [Fact]
    public void Write_ValidSettings_ManifestPassesOfficialSchema()
    {
        var zipPath = WritePackage();
        using var zip = ZipFile.OpenRead(zipPath);
        var manifestPath = Path.Combine(_dir, "manifest.json");
        zip.GetEntry("manifest.json")!.ExtractToFile(manifestPath);

        var (exitCode, output) = RunNode("validate-manifest.js", Path.Combine(RepoPaths.Tools, "node_modules"), manifestPath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("valid", output);
    }

    [Fact]
    public void Write_ValidSettings_ManifestHasBotIdScopesAndCommands()
    {
        using var zip = ZipFile.OpenRead(WritePackage());
        using var stream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(stream)!;

        var bot = manifest["bots"]![0]!;
        Assert.Equal(BotId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(string.CompareOrdinal(manifest["manifestVersion"]!.GetValue<string>(), "1.17") >= 0);
    }

    [Fact]
    public void Write_ValidSettings_PromptStartersPerScope()
    {
        var manifest = ReadManifest(WritePackage());

        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        var personal = Titles(lists.Single(l => Scopes(l!).SequenceEqual(["personal"]))!);
        var group = Titles(lists.Single(l => Scopes(l!).SequenceEqual(["team", "groupChat"]))!);

        // The prompt starters of issue 12; the bot host's tests send each title as a message (PromptStarterTests).
        Assert.Equal(["Volgende Leerhuis", "Begroting dit jaar", "Thema's", "Wat is nieuw?", "Herinner mij aan Leerhuizen", "Stop herinneringen", "Nieuwsbrief", "Hulp"], personal);
        Assert.Equal(["Volgende Leerhuis", "Begroting dit jaar", "Thema's", "Wat is nieuw?", "Kanaal-id", "Hulp"], group);
        Assert.All(lists.SelectMany(l => l!["commands"]!.AsArray()), c =>
        {
            Assert.InRange(c!["title"]!.GetValue<string>().Length, 1, 32);
            Assert.InRange(c["description"]!.GetValue<string>().Length, 1, 128);
            Assert.DoesNotMatch(@"\b(je|jij|jouw)\b", c["description"]!.GetValue<string>());
        });
    }

    [Fact]
    public void Write_ValidSettings_SearchMessageExtensionForTheBot()
    {
        var manifest = ReadManifest(WritePackage());

        var extension = Assert.Single(manifest["composeExtensions"]!.AsArray())!;
        Assert.Equal(BotId, extension["botId"]!.GetValue<string>());
        var command = Assert.Single(extension["commands"]!.AsArray())!;
        Assert.Equal("zoeken", command["id"]!.GetValue<string>()); // MessageExtensionHandler.CommandId in the bot
        Assert.Equal("query", command["type"]!.GetValue<string>());
        Assert.True(command["initialRun"]!.GetValue<bool>());
        Assert.Equal(["compose", "commandBox"], command["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("zoekterm", Assert.Single(command["parameters"]!.AsArray())!["name"]!.GetValue<string>());
    }

    private static JsonNode ReadManifest(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    private static string[] Scopes(JsonNode list) => [.. list["scopes"]!.AsArray().Select(s => s!.GetValue<string>())];

    private static string[] Titles(JsonNode list) => [.. list["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>())];

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Write_ValidSettings_IconsHaveRequiredSizeAndDecode(string name, int size)
    {
        using var zip = ZipFile.OpenRead(WritePackage());
        using var memory = new MemoryStream();
        zip.GetEntry(name)!.Open().CopyTo(memory);
        var png = memory.ToArray();

        var pixels = DecodeRgba(png, out var width, out var height);

        Assert.Equal(size, width);
        Assert.Equal(size, height);
        if (name == "outline.png")
        {
            // Outline icons must be white on transparent only.
            Assert.All(pixels, p => Assert.True(p is 0xFFFFFFFF or 0x00000000, $"pixel {p:X8}"));
            Assert.Contains(0xFFFFFFFFu, pixels);
            Assert.Contains(0x00000000u, pixels);
        }
    }

    [Fact]
    public void Manifest_BotIdNotGuid_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            TeamsAppPackage.Manifest(new TeamsAppSettings("not-a-guid", "1.0.0", "https://www.veiligheidsalliantie.nl")));
    }

    [Fact]
    public void Manifest_SameBotId_SameAppId()
    {
        var settings = new TeamsAppSettings(BotId, "1.0.0", "https://www.veiligheidsalliantie.nl");
        Assert.Equal(TeamsAppPackage.Manifest(settings)["id"]!.GetValue<string>(), TeamsAppPackage.Manifest(settings)["id"]!.GetValue<string>());
    }

    private string WritePackage()
    {
        var path = Path.Combine(_dir, $"appPackage-{Guid.NewGuid():N}.zip");
        TeamsAppPackage.Write(new TeamsAppSettings(BotId, "1.0.0", "https://www.veiligheidsalliantie.nl"), path);
        return path;
    }

    /// <summary>Decodes the RGBA, non-interlaced, filter-0 PNGs our writer makes, checking chunk layout.</summary>
    private static uint[] DecodeRgba(byte[] png, out int width, out int height)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        var idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT", System.Text.Encoding.ASCII.GetString(png, 37, 4));
        using var zlib = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        Assert.Equal(height * ((width * 4) + 1), bytes.Length);
        var pixels = new List<uint>();
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 4) + 1);
            Assert.Equal(0, bytes[row]);
            for (var x = 0; x < width; x++)
            {
                pixels.Add(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(row + 1 + (x * 4))));
            }
        }

        return [.. pixels];
    }

    private static (int ExitCode, string Output) RunNode(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "node", script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
