using Microsoft.Extensions.Configuration;

namespace VarBot.Cli.Hosting;

/// <summary>
/// Configuration from a <see cref="CliEnvironment"/>'s variables, by the rules of
/// <c>AddEnvironmentVariables(prefix)</c>: only names starting with the prefix (any case), the prefix dropped, "__"
/// read as ":" and the connection-string prefixes (SQLCONNSTR_ ...) read as ConnectionStrings:*. The real process
/// passes its own environment, so operators see no difference; an in-process run sees only what it was given.
/// </summary>
internal sealed class EnvironmentConfigurationSource(IReadOnlyDictionary<string, string> variables, string? prefix = null) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new EnvironmentConfigurationProvider(variables, prefix ?? "");
}

/// <summary>Loads the variables of <see cref="EnvironmentConfigurationSource"/> once, when the configuration is built.</summary>
internal sealed class EnvironmentConfigurationProvider(IReadOnlyDictionary<string, string> variables, string prefix) : ConfigurationProvider
{
    private static readonly (string Prefix, string? Provider)[] ConnectionStringPrefixes =
    [
        ("MYSQLCONNSTR_", "MySql.Data.MySqlClient"),
        ("SQLAZURECONNSTR_", "System.Data.SqlClient"),
        ("SQLCONNSTR_", "System.Data.SqlClient"),
        ("CUSTOMCONNSTR_", null),
    ];

    private readonly string _normalizedPrefix = Normalize(prefix);

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in variables)
        {
            var connectionString = ConnectionStringPrefixes.FirstOrDefault(p => key.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase));
            if (connectionString.Prefix is null)
            {
                AddIfUnderPrefix(data, Normalize(key), value);
                continue;
            }

            var name = Normalize(key[connectionString.Prefix.Length..]);
            AddIfUnderPrefix(data, "ConnectionStrings:" + name, value);
            if (connectionString.Provider is not null)
            {
                AddIfUnderPrefix(data, "ConnectionStrings:" + name + "_ProviderName", connectionString.Provider);
            }
        }

        Data = data;
    }

    private void AddIfUnderPrefix(Dictionary<string, string?> data, string normalizedKey, string value)
    {
        if (normalizedKey.StartsWith(_normalizedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            data[normalizedKey[_normalizedPrefix.Length..]] = value;
        }
    }

    private static string Normalize(string key) => key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
}

/// <summary>Adds a <see cref="CliEnvironment"/>'s variables to a configuration, like <c>AddEnvironmentVariables</c> does the process's.</summary>
internal static class EnvironmentConfigurationExtensions
{
    public static IConfigurationBuilder AddCliEnvironment(this IConfigurationBuilder builder, CliEnvironment environment, string? prefix = null) =>
        builder.Add(new EnvironmentConfigurationSource(environment.EnvironmentVariables, prefix));
}
