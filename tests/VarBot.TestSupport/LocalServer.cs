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

    /// <summary>The server process's CPU time so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <paramref name="tool"/> (a file in tools/node_modules/.bin) and waits until every port in <paramref name="waitPorts"/> accepts connections.</summary>
    public static LocalServer Start(string tool, IEnumerable<string> arguments, IReadOnlyList<int> waitPorts, IDictionary<string, string>? environment = null)
    {
        var server = Launch(tool, arguments, environment);
        try
        {
            foreach (var port in waitPorts)
            {
                WaitForPort(port, server._process, StartTimeout);
            }
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>
    /// Starts <paramref name="tool"/> on <paramref name="portCount"/> free loopback ports and waits until its own output
    /// has printed every line part of <paramref name="readyOutput"/> (for example "listening at http://127.0.0.1:PORT").
    /// A port that accepts connections proves nothing: a free port can be taken by another process between
    /// <see cref="FreePort"/> and the server's bind, and then the server exits while the port answers for someone else.
    /// So a server that exits before it is ready is started again on fresh ports (three attempts).
    /// </summary>
    public static (LocalServer Server, IReadOnlyList<int> Ports) StartOnFreePorts(
        string tool,
        int portCount,
        Func<IReadOnlyList<int>, IEnumerable<string>> arguments,
        Func<IReadOnlyList<int>, IEnumerable<string>> readyOutput)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = Enumerable.Range(0, portCount).Select(_ => FreePort()).ToArray();
            var ready = new ReadyOutput(readyOutput(ports));
            var server = Launch(tool, arguments(ports), environment: null, ready.See);
            try
            {
                ready.Wait(server._process, StartTimeout);
                return (server, ports);
            }
            catch (ServerExitedException) when (attempt < 3)
            {
                server.Dispose(); // most likely a port was taken: try fresh ones
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>A deadline, not a wait: generous for a loaded machine.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static LocalServer Launch(string tool, IEnumerable<string> arguments, IDictionary<string, string>? environment, Action<string>? output = null)
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
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { output?.Invoke(line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { output?.Invoke(line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LocalServer(process, workDir);
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
                throw new ServerExitedException($"Server exited with code {process.ExitCode} before port {port} opened.");
            }

            if (IsListening(port))
            {
                return;
            }

            // Between two connection attempts, wait on the server's exit: a server that dies is seen at once.
            process.WaitForExit(TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException($"Port {port} did not open within {timeout}.");
    }

    /// <summary>The line parts a server prints once it listens; set when all were seen.</summary>
    private sealed class ReadyOutput(IEnumerable<string> parts)
    {
        private readonly List<string> _missing = [.. parts];
        private readonly List<string> _seen = [];
        private readonly ManualResetEventSlim _ready = new();

        public void See(string line)
        {
            lock (_missing)
            {
                if (_seen.Count < 20)
                {
                    _seen.Add(line);
                }

                _missing.RemoveAll(part => line.Contains(part, StringComparison.Ordinal));
                if (_missing.Count == 0)
                {
                    _ready.Set();
                }
            }
        }

        public void Wait(Process process, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (!_ready.Wait(50))
            {
                if (process.HasExited)
                {
                    process.WaitForExit(); // the last output lines
                    if (_ready.IsSet)
                    {
                        break;
                    }

                    throw new ServerExitedException($"Server exited with code {process.ExitCode} before it was ready: {Seen()}");
                }

                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"Server not ready within {timeout}: {Seen()}");
                }
            }

            if (process.HasExited)
            {
                throw new ServerExitedException($"Server exited with code {process.ExitCode} right after it was ready: {Seen()}");
            }
        }

        private string Seen()
        {
            lock (_missing)
            {
                return string.Join(" | ", _seen);
            }
        }
    }

    private sealed class ServerExitedException(string message) : InvalidOperationException(message);

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
