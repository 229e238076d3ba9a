using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace VarBot.Deployment.Tests.Containers;

/// <summary>
/// An image archive as the SDK writes it (ContainerArchiveOutputPath): a tar in the 'docker save' layout
/// (manifest.json) or an OCI image layout (index.json); read into its config and the paths in its layers.
/// </summary>
public sealed record ImageArchive(JsonNode Config, IReadOnlyList<IReadOnlyList<TarFile>> Layers)
{
    public static async Task<ImageArchive> ReadAsync(string path)
    {
        var archive = await File.ReadAllBytesAsync(path);
        var files = await ReadTarAsync(new MemoryStream(archive), IsGzip(archive));
        byte[] Blob(string digestOrPath) => files[files.ContainsKey(digestOrPath) ? digestOrPath : "blobs/" + digestOrPath.Replace(':', '/')].Content;

        JsonNode config;
        IEnumerable<string> layerPaths;
        if (files.TryGetValue("manifest.json", out var docker))
        {
            var manifest = JsonNode.Parse(docker.Content)![0]!;
            config = JsonNode.Parse(Blob((string)manifest["Config"]!))!;
            layerPaths = manifest["Layers"]!.AsArray().Select(l => (string)l!);
        }
        else
        {
            var index = JsonNode.Parse(files["index.json"].Content)!;
            var manifest = JsonNode.Parse(Blob((string)index["manifests"]![0]!["digest"]!))!;
            config = JsonNode.Parse(Blob((string)manifest["config"]!["digest"]!))!;
            layerPaths = manifest["layers"]!.AsArray().Select(l => (string)l!["digest"]!);
        }

        var layers = new List<IReadOnlyList<TarFile>>();
        foreach (var layer in layerPaths)
        {
            var content = Blob(layer);
            layers.Add((await ReadTarAsync(new MemoryStream(content), IsGzip(content))).Values.ToList());
        }

        return new ImageArchive(config, layers);
    }

    /// <summary>The SDK writes the archive itself as a plain tar, whatever its name says; layers are gzipped.</summary>
    private static bool IsGzip(byte[] content) => content.Length > 2 && content[0] == 0x1f && content[1] == 0x8b;

    private static async Task<Dictionary<string, TarFile>> ReadTarAsync(Stream stream, bool gzip)
    {
        await using var input = gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        await using var reader = new TarReader(input);
        var files = new Dictionary<string, TarFile>(StringComparer.Ordinal);
        while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
        {
            var name = entry.Name.TrimStart('.', '/');
            using var data = new MemoryStream();
            if (entry.DataStream is { } content)
            {
                await content.CopyToAsync(data);
            }

            files[name] = new TarFile(name, entry.EntryType, entry.Uid, entry.Mode, data.ToArray());
        }

        return files;
    }
}

public sealed record TarFile(string Name, TarEntryType Type, int Uid, UnixFileMode Mode, byte[] Content);
