using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Store;

/// <summary>Serves a model from a JSON file (<c>--model FILE</c>), reloading it when the file changes.</summary>
public sealed class FileModelSource(string path, TimeProvider? timeProvider = null, ILogger<FileModelSource>? logger = null, Func<IEnumerable<IModelCheck>>? checks = null)
    : RefreshableModelSource("file " + path, timeProvider ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance, checks)
{
    private (DateTime Written, long Length)? _loadedStamp;

    public string Path { get; } = path;

    private protected override async Task<KnowledgeModel?> TryLoadChangedAsync(CancellationToken cancellationToken)
    {
        var info = new FileInfo(Path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"The model file '{Path}' does not exist.", Path);
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        if (stamp == _loadedStamp)
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
        KnowledgeModel model;
        try
        {
            model = ModelJson.Deserialize(bytes);
        }
        catch (InvalidModelException ex)
        {
            throw new InvalidModelException($"The model file '{Path}' cannot be read: {ex.Message}", ex);
        }

        Accept(model);
        _loadedStamp = stamp;
        return model;
    }
}
