using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;

namespace VarBot.Knowledge.Tests.Store;

public sealed class FileModelSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("varbot-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task GetAsync_ValidFile_LoadsModel()
    {
        var path = Path.Combine(_dir, "model.json");
        await File.WriteAllBytesAsync(path, ModelJson.Serialize(TestModels.Create("f1")));
        var source = new FileModelSource(path);

        var model = await source.GetAsync();

        Assert.Equal("f1", model.Version);
        Assert.Equal("file " + path, source.Health.Source);
    }

    [Fact]
    public async Task RefreshAsync_FileReplacedThenCorrupted_PicksUpNewAndKeepsItOverCorrupt()
    {
        var path = Path.Combine(_dir, "model.json");
        await File.WriteAllBytesAsync(path, ModelJson.Serialize(TestModels.Create("f1")));
        var source = new FileModelSource(path);
        await source.GetAsync();

        await File.WriteAllBytesAsync(path, ModelJson.Serialize(TestModels.Create("f2", passages: 5)));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var changed = await source.RefreshAsync();
        await File.WriteAllTextAsync(path, "{\"schemaVersion\":");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
        var corrupt = await source.RefreshAsync();

        Assert.True(changed);
        Assert.False(corrupt);
        Assert.Equal("f2", source.Current!.Version);
        Assert.Contains("model.json", source.Health.LastError, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", source.Health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_MissingFile_ThrowsUnavailable()
    {
        var source = new FileModelSource(Path.Combine(_dir, "missing.json"));

        var ex = await Assert.ThrowsAsync<KnowledgeModelUnavailableException>(() => source.GetAsync());

        Assert.Contains("missing.json", ex.Message, StringComparison.Ordinal);
    }
}
