using Spectre.Console;

namespace VarBot.Cli;

/// <summary>What a command may touch of the outside world: output, working directory and environment variables.</summary>
internal sealed class CliEnvironment(IAnsiConsole console, TextWriter output, string currentDirectory, Func<string, string?> environmentVariable)
{
    public IAnsiConsole Console { get; } = console;

    /// <summary>Plain writer behind <see cref="Console"/>, used for System.CommandLine's help and parse errors.</summary>
    public TextWriter Output { get; } = output;

    public string CurrentDirectory { get; } = currentDirectory;

    public string? GetEnvironmentVariable(string name) => environmentVariable(name);

    public static CliEnvironment FromProcess()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Redirected output (CI logs, files) has no width; Spectre would assume 80 and wrap the tables.
            console.Profile.Width = 160;
        }

        return new(console, System.Console.Out, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);
    }

    /// <summary>An environment that writes plain text (no colours, fixed width) to <paramref name="writer"/>.</summary>
    public static CliEnvironment ForWriter(TextWriter writer, string currentDirectory, Func<string, string?>? environmentVariable = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        return new CliEnvironment(console, writer, currentDirectory, environmentVariable ?? (_ => null));
    }
}
