using System.Collections;
using Spectre.Console;

namespace VarBot.Cli;

/// <summary>
/// What a command may touch of the outside world: output, working directory and environment variables. Commands read
/// settings, write output and logs, and resolve relative paths only through this, so an in-process run (tests) behaves
/// as the process does with the same environment and directory.
/// </summary>
internal sealed class CliEnvironment(IAnsiConsole console, TextWriter output, string currentDirectory, IReadOnlyDictionary<string, string> environmentVariables)
{
    public IAnsiConsole Console { get; } = console;

    /// <summary>Plain writer behind <see cref="Console"/>, used for System.CommandLine's help and parse errors, and for log lines.</summary>
    public TextWriter Output { get; } = output;

    public string CurrentDirectory { get; } = currentDirectory;

    /// <summary>Every environment variable of the run (the source of configuration built with <c>AddCliEnvironment</c>).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; } = environmentVariables;

    public string? GetEnvironmentVariable(string name) => EnvironmentVariables.GetValueOrDefault(name);

    public static CliEnvironment FromProcess()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Redirected output (CI logs, files) has no width; Spectre would assume 80 and wrap the tables.
            console.Profile.Width = 160;
        }

        // Names are case-sensitive on Linux and macOS, not on Windows, as Environment.GetEnvironmentVariable reads them.
        var variables = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            variables[(string)variable.Key] = (string?)variable.Value ?? "";
        }

        return new(console, System.Console.Out, Directory.GetCurrentDirectory(), variables);
    }

    /// <summary>
    /// An environment that writes plain text (no colours, fixed width) to <paramref name="writer"/>, with
    /// <paramref name="environmentVariables"/> as its only variables. Writes are synchronised, as the console's are:
    /// log lines may come from other threads while a command prints.
    /// </summary>
    public static CliEnvironment ForWriter(TextWriter writer, string currentDirectory, IReadOnlyDictionary<string, string>? environmentVariables = null)
    {
        var synchronised = TextWriter.Synchronized(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(synchronised),
        });
        console.Profile.Width = 200;
        return new CliEnvironment(console, synchronised, currentDirectory, environmentVariables ?? new Dictionary<string, string>());
    }
}
