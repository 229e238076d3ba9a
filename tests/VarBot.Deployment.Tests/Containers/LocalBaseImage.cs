using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VarBot.Deployment.Tests.Containers;

/// <summary>An OCI image held in memory: manifest, config and layer blobs by digest.</summary>
public sealed record OciImage(byte[] Manifest, string ManifestDigest, IReadOnlyDictionary<string, byte[]> Blobs)
{
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
}

/// <summary>
/// A stand-in for mcr.microsoft.com/dotnet/aspnet:10.0, built from this machine's own .NET runtime because this machine
/// cannot pull from MCR: one layer with the dotnet host and the Microsoft.NETCore.App and Microsoft.AspNetCore.App
/// shared frameworks, the native libraries they load (found with ldd, plus ICU and OpenSSL which are loaded at run
/// time), time zones, CA certificates and the 'app' user (uid 1654) of the official images; and the official images'
/// environment (APP_UID, ASPNETCORE_HTTP_PORTS=8080, DOTNET_RUNNING_IN_CONTAINER). The SDK treats it like any base image.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class LocalBaseImage
{
    public const int AppUid = 1654;

    private const string DotnetRoot = "/usr/share/dotnet";

    /// <summary>Libraries .NET opens with dlopen (globalization, TLS), so ldd of the executables does not list them.</summary>
    private static readonly string[] LoadedAtRunTime = ["libicuuc.so.*", "libicui18n.so.*", "libicudata.so.*", "libssl.so.3", "libcrypto.so.3", "libz.so.1"];

    public static async Task<OciImage> BuildAsync(CancellationToken cancellationToken = default)
    {
        var runtimeVersion = Path.GetFileName(Directory.GetDirectories(Path.Combine(DotnetRoot, "shared", "Microsoft.NETCore.App")).Max(StringComparer.Ordinal)!);
        var (layer, diffId) = await BuildLayerAsync(runtimeVersion, cancellationToken);
        var layerDigest = Digest(layer);

        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["Env"] = new JsonArray(
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "APP_UID=" + AppUid,
                    "ASPNETCORE_HTTP_PORTS=8080",
                    "DOTNET_RUNNING_IN_CONTAINER=true",
                    "DOTNET_VERSION=" + runtimeVersion,
                    "ASPNET_VERSION=" + runtimeVersion),
                ["WorkingDir"] = "/",
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
            ["history"] = new JsonArray(new JsonObject { ["created_by"] = "VarBot tests: local stand-in for mcr.microsoft.com/dotnet/aspnet:10.0" }),
        };
        var configBytes = JsonSerializer.SerializeToUtf8Bytes(config);
        var configDigest = Digest(configBytes);

        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciImage.ManifestMediaType,
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = configDigest, ["size"] = configBytes.Length },
            ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip", ["digest"] = layerDigest, ["size"] = layer.Length }),
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest);
        return new OciImage(manifestBytes, Digest(manifestBytes), new Dictionary<string, byte[]> { [configDigest] = configBytes, [layerDigest] = layer });
    }

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static async Task<(byte[] Layer, string DiffId)> BuildLayerAsync(string runtimeVersion, CancellationToken cancellationToken)
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var layer = new LayerWriter(writer);
            // Debian's merged /usr: the loader path /lib64/ld-linux-x86-64.so.2 must resolve.
            foreach (var (link, target) in new[] { ("bin", "usr/bin"), ("sbin", "usr/sbin"), ("lib", "usr/lib"), ("lib64", "usr/lib64") })
            {
                await layer.SymlinkAsync(link, target);
            }

            await layer.DirectoryAsync("tmp", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit);
            await layer.DirectoryAsync("home/app", LayerWriter.DirectoryMode, AppUid);
            await layer.TextAsync("etc/passwd", $"root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:{AppUid}:{AppUid}:app:/home/app:/usr/sbin/nologin\n");
            await layer.TextAsync("etc/group", $"root:x:0:\napp:x:{AppUid}:\n");
            await layer.TextAsync("etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n");

            var dotnetFiles = new List<string> { Path.Combine(DotnetRoot, "dotnet") };
            dotnetFiles.AddRange(Directory.GetFiles(Path.Combine(DotnetRoot, "host", "fxr"), "*", SearchOption.AllDirectories));
            foreach (var framework in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
            {
                dotnetFiles.AddRange(Directory.GetFiles(Path.Combine(DotnetRoot, "shared", framework, runtimeVersion), "*", SearchOption.AllDirectories));
            }

            foreach (var file in dotnetFiles)
            {
                await layer.FileAsync(file);
            }

            await layer.SymlinkAsync("usr/bin/dotnet", "../share/dotnet/dotnet");

            var libraries = new SortedSet<string>(StringComparer.Ordinal);
            var runtimeLibraries = LoadedAtRunTime.SelectMany(pattern => Directory.GetFiles("/usr/lib/x86_64-linux-gnu", pattern)).ToList();
            foreach (var binary in dotnetFiles.Where(f => f.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith("/dotnet", StringComparison.Ordinal)).Concat(runtimeLibraries))
            {
                libraries.Add(binary);
                foreach (var dependency in await LddAsync(binary, cancellationToken))
                {
                    libraries.Add(dependency);
                }
            }

            foreach (var library in libraries.Where(l => !l.StartsWith(DotnetRoot, StringComparison.Ordinal)))
            {
                await layer.LibraryAsync(library);
            }

            foreach (var file in Directory.GetFiles("/usr/share/zoneinfo", "*", SearchOption.AllDirectories))
            {
                await layer.FileOrLinkAsync(file);
            }

            await layer.FileAsync("/etc/ssl/certs/ca-certificates.crt");
        }

        var diffId = Digest(tar.ToArray());
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            tar.Position = 0;
            await tar.CopyToAsync(gzip, cancellationToken);
        }

        return (compressed.ToArray(), diffId);
    }

    /// <summary>The shared libraries <paramref name="binary"/> needs, as ldd resolves them on this machine.</summary>
    private static async Task<IReadOnlyList<string>> LddAsync(string binary, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("ldd", [binary]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return output.Split('\n')
            .Select(line => line.Split("=>", StringSplitOptions.TrimEntries) is [_, var resolved] ? resolved : line.Trim())
            .Select(part => part.Split(' ')[0])
            .Where(path => path.StartsWith('/'))
            .ToList();
    }

    /// <summary>Writes tar entries with image paths (no leading slash), parents first, each once.</summary>
    private sealed class LayerWriter(TarWriter writer)
    {
        public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        public async Task DirectoryAsync(string path, UnixFileMode mode = DirectoryMode, int owner = 0)
        {
            await ParentsAsync(path);
            if (_written.Add(path))
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, path + "/") { Mode = mode, Uid = owner, Gid = owner });
            }
        }

        public async Task SymlinkAsync(string path, string target)
        {
            await ParentsAsync(path);
            if (_written.Add(path))
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, path) { LinkName = target, Mode = DirectoryMode });
            }
        }

        public async Task TextAsync(string path, string content)
        {
            await ParentsAsync(path);
            if (_written.Add(path))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, path)
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
                };
                await writer.WriteEntryAsync(entry);
            }
        }

        /// <summary>A host file at the same path in the image, with its mode (executables stay executable).</summary>
        public async Task FileAsync(string hostPath)
        {
            var path = hostPath.TrimStart('/');
            await ParentsAsync(path);
            if (_written.Add(path))
            {
                var mode = File.GetUnixFileMode(hostPath) & ~(UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
                await using var content = File.OpenRead(hostPath);
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, path) { Mode = mode, DataStream = content });
            }
        }

        /// <summary>A host symlink stays a symlink (time zone aliases); anything else is copied.</summary>
        public async Task FileOrLinkAsync(string hostPath)
        {
            if (new FileInfo(hostPath).LinkTarget is { } target)
            {
                await SymlinkAsync(hostPath.TrimStart('/'), target);
            }
            else
            {
                await FileAsync(hostPath);
            }
        }

        /// <summary>
        /// A library found through /lib or a symlinked name: the real file under /usr, plus the symlink name the loader
        /// asks for (libicuuc.so.72 -> libicuuc.so.72.1).
        /// </summary>
        public async Task LibraryAsync(string hostPath)
        {
            var real = Path.GetFullPath(new FileInfo(hostPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? hostPath);
            var usrPath = UnderUsr(real);
            await FileFromAsync(real, usrPath);
            var name = UnderUsr(hostPath);
            if (name != usrPath)
            {
                await SymlinkAsync(name, "/" + usrPath);
            }
        }

        private static string UnderUsr(string path)
        {
            var trimmed = path.TrimStart('/');
            return trimmed.StartsWith("usr/", StringComparison.Ordinal) ? trimmed : "usr/" + trimmed;
        }

        private async Task FileFromAsync(string hostPath, string path)
        {
            await ParentsAsync(path);
            if (_written.Add(path))
            {
                var mode = File.GetUnixFileMode(hostPath) & ~(UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
                await using var content = File.OpenRead(hostPath);
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, path) { Mode = mode, DataStream = content });
            }
        }

        private async Task ParentsAsync(string path)
        {
            var parent = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(parent) && !_written.Contains(parent))
            {
                await DirectoryAsync(parent);
            }
        }
    }
}
