using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VarBot.TestSupport;

/// <summary>
/// A real server process (Azurite, maildev, ...) started from the repo-local npm tools on free loopback
/// ports and stopped when disposed. Tests use these instead of mocks.
/// </summary>
public sealed class LocalServer : IDisposable
{
    private readonly Process _process;
    private readonly string _workDir;

    private LocalServer(Process process, string workDir)
    {
        _process = process;
        _workDir = workDir;
    }

    public string WorkDir => _workDir;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="tool"/> (a file in tools/node_modules/.bin) and waits until every port in <paramref name="waitPorts"/> accepts connections.</summary>
    public static LocalServer Start(string tool, IEnumerable<string> arguments, IReadOnlyList<int> waitPorts, IDictionary<string, string>? environment = null)
    {
        var path = RepoPaths.NodeBin(tool);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run 'npm ci' in tools/ (test.sh does this).");
        }

        var workDir = Directory.CreateTempSubdirectory("varbot-" + tool + "-").FullName;
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument.Replace("{dir}", workDir, StringComparison.Ordinal));
        }

        info.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + tool);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LocalServer(process, workDir);
        try
        {
            foreach (var port in waitPorts)
            {
                WaitForPort(port, process, TimeSpan.FromMinutes(3)); // a deadline, not a wait: generous for a loaded machine
            }
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void WaitForPort(int port, Process process, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Server exited with code {process.ExitCode} before port {port} opened.");
            }

            if (IsListening(port))
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"Port {port} did not open within {timeout}.");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A server may still hold a file for a moment; the temp folder is harmless.
        }
    }
}
