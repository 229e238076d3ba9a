using System.CommandLine;
using Azure.Identity;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary>
/// Where an operator's command finds blob storage: --connection-string, else --service-uri (Entra ID: az login or a
/// managed identity, no key), else the environment (VARBOT_STORAGE__CONNECTIONSTRING / VARBOT_STORAGE__SERVICEURI, then
/// the host's own Storage__ConnectionString / Storage__ServiceUri), else Azurite. The container: --container, else
/// VARBOT_STORAGE__CONTAINER, else Storage__Container, else 'varbot'.
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
        HelpName = "TEKST",
    };

    public Option<string?> ServiceUri { get; } = new("--service-uri")
    {
        Description = CliTexts.Storage.ServiceUriOption,
        HelpName = "URL",
    };

    public Option<string?> Container { get; } = new("--container")
    {
        Description = CliTexts.Storage.ContainerOption,
        HelpName = "NAAM",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ConnectionString);
        command.Options.Add(ServiceUri);
        command.Options.Add(Container);
    }

    /// <summary>The container, or null after a Dutch message naming what to fix (the connection string is never echoed).</summary>
    public IBlobContainer? Open(ParseResult parse, CliEnvironment environment)
    {
        string? Env(string name) => environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

        var containerName = parse.GetValue(Container) ?? Env(PublishCommand.ContainerVariable) ?? Env(HostContainerVariable) ?? PublishCommand.DefaultContainer;
        var connectionString = parse.GetValue(ConnectionString);
        var serviceUri = parse.GetValue(ServiceUri);
        if (connectionString is null && serviceUri is null)
        {
            connectionString = Env(PublishCommand.ConnectionStringVariable);
            serviceUri = connectionString is null ? Env(ServiceUriVariable) : null;
            connectionString ??= serviceUri is null ? Env(HostConnectionStringVariable) : null;
            serviceUri ??= connectionString is null ? Env(HostServiceUriVariable) : null;
        }

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

    /// <summary>Whether an exception means storage (or signing in to it) failed, rather than a bug.</summary>
    public static bool IsStorageFailure(Exception exception) =>
        exception is BlobStorageException or HttpRequestException or AuthenticationFailedException or Azure.RequestFailedException;

    /// <summary>The Dutch message for such a failure: HTTP status or sign-in problem, never the exception's text.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AuthenticationFailedException => CliTexts.Storage.SignInFailed,
        BlobStorageException { Status: { } status } => CliTexts.Storage.Unreachable($"HTTP {status}"),
        Azure.RequestFailedException { Status: > 0 } failed => CliTexts.Storage.Unreachable($"HTTP {failed.Status}"),
        _ => CliTexts.Storage.Unreachable("geen verbinding"),
    };
}
