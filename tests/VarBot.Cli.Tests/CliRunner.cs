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
    /// Runs the real command tree in this process with <paramref name="environment"/> as its only environment variables
    /// and <paramref name="currentDirectory"/> as its working directory; its output and log lines are captured.
    /// </summary>
    public static async Task<CliRun> RunAsync(string currentDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var writer = new StringWriter();
        var cli = CliEnvironment.ForWriter(writer, currentDirectory, environment);
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
