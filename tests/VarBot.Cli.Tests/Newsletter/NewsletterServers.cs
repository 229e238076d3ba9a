using System.Diagnostics;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Newsletter;

/// <summary>Azurite and maildev for one newsletter command test class (a class fixture, so classes run in parallel on their own servers).</summary>
public sealed class NewsletterServers : IDisposable
{
    public AzuriteFixture Azurite { get; } = new();

    public MailDevFixture MailDev { get; } = new();

    public void Dispose()
    {
        Azurite.Dispose();
        MailDev.Dispose();
    }
}

/// <summary>
/// One test's view of the servers: its own container and the environment varbot reads. <see cref="RunAsync"/> runs
/// varbot in-process with that environment (its settings and log lines come only from and to the run's
/// <c>CliEnvironment</c>); <see cref="RunProcessAsync"/> and <see cref="Start"/> start the built executable, for tests
/// whose subject is the process (a kill, several senders at once, the executable itself).
/// </summary>
internal sealed class NewsletterCli(NewsletterServers servers, int connections = 4)
{
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public string ContainerName { get; } = AzuriteFixture.UniqueContainerName("nlcli");

    public IBlobContainer Container => BlobContainerFactory.Create(servers.Azurite.ConnectionString, ContainerName);

    public SubscriberStore Subscribers => new(Container, new SubscriberKeys(Convert.FromBase64String(SigningKey)), TimeProvider.System);

    public Dictionary<string, string> Environment => new()
    {
        ["Storage__ConnectionString"] = servers.Azurite.ConnectionString,
        ["Storage__Container"] = ContainerName,
        ["Newsletter__SigningKey"] = SigningKey,
        ["Newsletter__PublicBaseUrl"] = "http://127.0.0.1:9",
        ["Newsletter__FromAddress"] = "nieuwsbrief@var.test",
        ["Newsletter__Smtp__Host"] = "127.0.0.1",
        ["Newsletter__Smtp__Port"] = servers.MailDev.SmtpPort.ToString(),
        ["Newsletter__Smtp__Connections"] = connections.ToString(),
        ["Newsletter__Smtp__RetryBaseDelay"] = "00:00:00.050",
    };

    public async Task<CliRun> RunAsync(string currentDirectory, params string[] args)
    {
        await Container.CreateIfNotExistsAsync();
        return await CliRunner.RunAsync(currentDirectory, Environment, args);
    }

    public async Task<CliRun> RunProcessAsync(string currentDirectory, params string[] args)
    {
        await Container.CreateIfNotExistsAsync();
        return await CliRunner.RunProcessAsync(currentDirectory, Environment, args);
    }

    /// <summary>Starts the built varbot without waiting, so a test can kill it; output is collected.</summary>
    public Process Start(string currentDirectory, System.Text.StringBuilder output, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "varbot"))
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

        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("varbot did not start");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
