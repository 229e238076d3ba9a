using System.CommandLine;
using Azure.Identity;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary>
/// Where an operator's command finds blob storage: --connection-string, else --service-uri (Entra ID: az login or a
/// managed identity, no key), else the environment (VARBOT_STORAGE__CONNECTIONSTRING / VARBOT_STORAGE__SERVICEURI, then
/// the host's own Storage__ConnectionString / Storage__ServiceUri), else Azurite. The container: --container, else
/// VARBOT_STORAGE__CONTAINER, else Storage__Container, else 'varbot'. Every command with storage options (publish,
/// rollback, feedback, ask, eval, newsletter, subscribers) takes them from here, so they read and check them the same way.
/// </summary>
internal sealed class CliStorage
{
    public const string ServiceUriVariable = "VARBOT_STORAGE__SERVICEURI";

    private const string HostConnectionStringVariable = "Storage__ConnectionString";
    private const string HostServiceUriVariable = "Storage__ServiceUri";
    private const string HostContainerVariable = "Storage__Container";

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = CliTexts.Storage.ConnectionStringOption,
        HelpName = CliTexts.HelpNames.Text,
    };

    public Option<string?> ServiceUri { get; } = new("--service-uri")
    {
        Description = CliTexts.Storage.ServiceUriOption,
        HelpName = CliTexts.HelpNames.Url,
    };

    public Option<string?> Container { get; } = new("--container")
    {
        Description = CliTexts.Storage.ContainerOption,
        HelpName = CliTexts.HelpNames.Name,
    };

    /// <summary>Adds the options to <paramref name="command"/>; <paramref name="recursive"/>: to its subcommands as well.</summary>
    public void AddTo(Command command, bool recursive = false)
    {
        foreach (var option in new Option[] { ConnectionString, ServiceUri, Container })
        {
            option.Recursive = recursive;
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The options given, as configuration keys (Storage:*) for the commands configured like the bot host (newsletter,
    /// subscribers): added last, they win over appsettings.json and the environment. An account option replaces both
    /// account settings, so a given connection string never meets a service URI from the environment.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> AsConfiguration(ParseResult parse)
    {
        var connectionString = parse.GetValue(ConnectionString);
        var serviceUri = parse.GetValue(ServiceUri);
        if (connectionString is not null || serviceUri is not null)
        {
            yield return new("Storage:ConnectionString", connectionString ?? "");
            yield return new("Storage:ServiceUri", serviceUri ?? "");
        }

        if (parse.GetValue(Container) is { } container)
        {
            yield return new("Storage:Container", container);
        }
    }

    /// <summary>
    /// Whether storage is named at all, by an option or an environment variable. Commands with another source for
    /// their data (ask and eval read the seeds) use storage only then; the others fall back to Azurite.
    /// </summary>
    public bool IsGiven(ParseResult parse, CliEnvironment environment)
    {
        var (connectionString, serviceUri) = Account(parse, environment);
        return connectionString is not null || serviceUri is not null;
    }

    /// <summary>The container, or null after a Dutch message naming what to fix (the connection string is never echoed).</summary>
    public IBlobContainer? Open(ParseResult parse, CliEnvironment environment)
    {
        string? Env(string name) => Variable(environment, name);

        var containerName = parse.GetValue(Container) ?? Env(PublishCommand.ContainerVariable) ?? Env(HostContainerVariable) ?? PublishCommand.DefaultContainer;
        var (connectionString, serviceUri) = Account(parse, environment);

        if (connectionString is not null && serviceUri is not null)
        {
            environment.Output.WriteLine(CliTexts.Storage.BothGiven);
            return null;
        }

        try
        {
            if (serviceUri is not null)
            {
                if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    environment.Output.WriteLine(CliTexts.Storage.BadServiceUri(serviceUri));
                    return null;
                }

                return BlobContainerFactory.Create(uri, new DefaultAzureCredential(), containerName);
            }

            return BlobContainerFactory.Create(connectionString ?? PublishCommand.DevelopmentStorage, containerName);
        }
        catch (FormatException)
        {
            environment.Output.WriteLine(CliTexts.Storage.BadConnectionString);
            return null;
        }
        catch (ArgumentException)
        {
            environment.Output.WriteLine(CliTexts.Storage.BadContainerName(containerName));
            return null;
        }
    }

    /// <summary>
    /// Runs a command's storage work: exit code 2 when the container could not be opened (the message is already
    /// written), and a Dutch message with exit code 2 when storage fails or refuses, never the exception's text.
    /// </summary>
    public static async Task<int> RunAsync(IBlobContainer? container, CliEnvironment environment, Func<IBlobContainer, Task<int>> work)
    {
        if (container is null)
        {
            return ExitCodes.UsageOrEnvironment;
        }

        try
        {
            return await work(container);
        }
        catch (Exception exception) when (IsStorageFailure(exception))
        {
            environment.Output.WriteLine(Describe(exception));
            return ExitCodes.UsageOrEnvironment;
        }
    }

    /// <summary>Whether an exception means storage (or signing in to it) failed, rather than a bug.</summary>
    public static bool IsStorageFailure(Exception exception) =>
        exception is BlobStorageException or HttpRequestException or AuthenticationFailedException or Azure.RequestFailedException;

    /// <summary>The Dutch message for such a failure: HTTP status or sign-in problem, never the exception's text.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AuthenticationFailedException => CliTexts.Storage.SignInFailed,
        BlobStorageException { Status: { } status } => CliTexts.Storage.Unreachable($"HTTP {status}"),
        Azure.RequestFailedException { Status: > 0 } failed => CliTexts.Storage.Unreachable($"HTTP {failed.Status}"),
        _ => CliTexts.Storage.Unreachable(CliTexts.Storage.NoConnectionReason),
    };

    /// <summary>
    /// The account: both options as given; without options the environment, first the VARBOT_ variables, then the
    /// host's own, a connection string before a service URI at each level.
    /// </summary>
    private (string? ConnectionString, string? ServiceUri) Account(ParseResult parse, CliEnvironment environment)
    {
        // A one-argument Env call: the configuration reference check (Deployment tests) finds the variables by that form.
        string? Env(string name) => Variable(environment, name);

        var connectionString = parse.GetValue(ConnectionString);
        var serviceUri = parse.GetValue(ServiceUri);
        if (connectionString is null && serviceUri is null)
        {
            connectionString = Env(PublishCommand.ConnectionStringVariable);
            serviceUri = connectionString is null ? Env(ServiceUriVariable) : null;
            connectionString ??= serviceUri is null ? Env(HostConnectionStringVariable) : null;
            serviceUri ??= connectionString is null ? Env(HostServiceUriVariable) : null;
        }

        return (connectionString, serviceUri);
    }

    private static string? Variable(CliEnvironment environment, string name) =>
        environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
