// Spec: Microsoft Learn, "Configure Azure Storage connection strings" (account key, endpoint suffix, development storage).
namespace VarBot.Storage;

/// <summary>
/// A parsed storage connection string. Error messages name the missing or invalid setting, never the string itself,
/// because it holds the account key.
/// </summary>
internal sealed record StorageConnectionString(Uri BlobEndpoint, string AccountName, string AccountKey)
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    internal const string DevelopmentAccountName = "devstoreaccount1";

    internal const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    internal static readonly Uri DevelopmentBlobEndpoint = new("http://127.0.0.1:10000/devstoreaccount1");

    public override string ToString() => $"AccountName={AccountName};BlobEndpoint={BlobEndpoint}";

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("The storage connection string has a part without 'name=value'.");
            }

            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!bool.TryParse(development, out var useDevelopment) || !useDevelopment)
            {
                throw new FormatException("The storage connection string has UseDevelopmentStorage set to something other than 'true'.");
            }

            return new StorageConnectionString(DevelopmentBlobEndpoint, DevelopmentAccountName, DevelopmentAccountKey);
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Storage connection strings with a SharedAccessSignature are not supported; use AccountName and AccountKey.");
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            throw new FormatException("The storage connection string has no AccountName.");
        }

        if (!settings.TryGetValue("AccountKey", out var accountKey) || accountKey.Length == 0)
        {
            throw new FormatException("The storage connection string has no AccountKey.");
        }

        if (!IsBase64(accountKey))
        {
            throw new FormatException("The storage connection string's AccountKey is not valid base64.");
        }

        Uri endpoint;
        if (settings.TryGetValue("BlobEndpoint", out var blobEndpoint) && blobEndpoint.Length > 0)
        {
            if (!Uri.TryCreate(blobEndpoint, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw new FormatException("The storage connection string's BlobEndpoint is not an absolute http(s) URI.");
            }

            endpoint = parsed;
        }
        else
        {
            var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
            if (protocol is not ("http" or "https"))
            {
                throw new FormatException("The storage connection string's DefaultEndpointsProtocol must be http or https.");
            }

            var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            if (!Uri.TryCreate($"{protocol}://{accountName}.blob.{suffix}", UriKind.Absolute, out var built))
            {
                throw new FormatException("The storage connection string's AccountName and EndpointSuffix do not form a valid host name.");
            }

            endpoint = built;
        }

        return new StorageConnectionString(TrimTrailingSlash(endpoint), accountName, accountKey);
    }

    internal static Uri TrimTrailingSlash(Uri uri)
    {
        var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text, UriKind.Absolute);
    }

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
