using System.Diagnostics;
using System.Text;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>
/// The built bot host (the VarBot.Bot apphost next to the tests) as its own process on a free loopback port, so a test
/// can kill it (SIGKILL) or stop it (SIGTERM) and start it again. Console output is kept.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process) => _process = process;

    public int Port { get; private init; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <param name="workingDirectory">The process's current directory; the folder of the build when null.</param>
    public static BotProcess Start(IReadOnlyDictionary<string, string> settings, string? workingDirectory = null)
    {
        var port = LocalServer.FreePort();
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "VarBot.Bot"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Development: no app id (local connector, no tokens), which Production refuses at start (BotOptionsValidator).
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__VarBot"] = "Information";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the bot host.");
        var bot = new BotProcess(process) { Port = port };
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits until the output has a line matching <paramref name="pattern"/> after <paramref name="fromLength"/> characters.</summary>
    public async Task WaitForOutputAsync(string pattern, TimeSpan timeout, int fromLength = 0)
    {
        var regex = new System.Text.RegularExpressions.Regex(pattern);
        var deadline = DateTime.UtcNow + timeout;
        while (!regex.IsMatch(Output[Math.Min(fromLength, Output.Length)..]))
        {
            if (DateTime.UtcNow > deadline || HasExited)
            {
                throw new TimeoutException($"The bot host did not log /{pattern}/ (exited: {HasExited}). Output:\n{Tail()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host shuts down as on a deployment.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
    }

    public string Tail(int characters = 4000)
    {
        var output = Output;
        return output[Math.Max(0, output.Length - characters)..];
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
