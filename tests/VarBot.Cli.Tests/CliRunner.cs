using System.Diagnostics;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests;

public sealed record CliRun(int ExitCode, string Output);

/// <summary>Runs varbot in-process (the real command tree, output captured) or as the built executable.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(string currentDirectory, params string[] args) =>
        await RunAsync(currentDirectory, null, args);

    /// <summary>
    /// Runs the real command tree in this process with <paramref name="environment"/> as its only environment variables.
    /// Not every command reads them from there: <c>newsletter</c> and <c>subscribers</c> build their configuration with
    /// <c>AddEnvironmentVariables()</c> (the test host's own environment) and log to the test host's console, and
    /// <c>teams-package</c> reads <c>Bot__MicrosoftAppId</c> and writes to the console itself. A test whose run needs
    /// such a variable, or checks what those commands log, starts the executable (<see cref="RunProcessAsync"/>); this
    /// method refuses the variables it could not honour, and those commands when the test host's own environment
    /// configures them, rather than run a different test silently.
    /// </summary>
    public static async Task<CliRun> RunAsync(string currentDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        EnsureInProcessHonours(environment, args);
        using var writer = new StringWriter();
        var cli = CliEnvironment.ForWriter(writer, currentDirectory, name => environment?.GetValueOrDefault(name));
        var exitCode = await VarBotCli.RunAsync(args, cli);
        return new CliRun(exitCode, writer.ToString());
    }

    /// <summary>Starts the built varbot executable (copied next to the tests with the project reference), as an operator would.</summary>
    public static async Task<CliRun> RunProcessAsync(string currentDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "varbot.exe" : "varbot");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = currentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The commands whose configuration comes from the process environment rather than <see cref="CliEnvironment"/>.</summary>
    private static readonly string[] ProcessEnvironmentCommands = ["newsletter", "subscribers", "teams-package"];

    /// <summary>The variables those commands do read through <see cref="CliEnvironment"/> (the signing-key fallback).</summary>
    private static readonly string[] HonouredVariables = ["DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT"];

    /// <summary>Configuration sections the newsletter services read from the process environment (and VARBOT_*).</summary>
    private static readonly string[] ConfigurationPrefixes = ["Storage__", "Newsletter__", "Bot__", "VARBOT_"];

    private static void EnsureInProcessHonours(IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (command is null || !ProcessEnvironmentCommands.Contains(command, StringComparer.Ordinal))
        {
            return;
        }

        var ignored = (environment?.Keys ?? []).Where(k => !HonouredVariables.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (ignored.Count > 0)
        {
            throw new InvalidOperationException(
                $"varbot {string.Join(' ', args.Take(2))} in-process does not read {string.Join(", ", ignored)} from the given environment; use RunProcessAsync.");
        }

        var inherited = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => ConfigurationPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (inherited.Count > 0)
        {
            throw new InvalidOperationException(
                $"The test host's environment sets {string.Join(", ", inherited)}, which varbot {string.Join(' ', args.Take(2))} in-process would read; unset it to run these tests.");
        }
    }

    /// <summary>A copy of the repo seeds in a temp folder, so a test can break one file.</summary>
    public static DirectoryInfo CopySeeds()
    {
        var target = Directory.CreateTempSubdirectory("varbot-seeds-");
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target.FullName, Path.GetRelativePath(RepoPaths.Seeds, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
