// Spec: Microsoft Learn, "Authorize with Shared Key" (Blob service string-to-sign, version 2015-02-21 and later).
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace VarBot.Storage;

/// <summary>Signs requests with the account key: HMAC-SHA256 over the canonical string-to-sign.</summary>
internal sealed class SharedKeyAuthorizer(string accountName, string accountKey) : IRequestAuthorizer
{
    private readonly byte[] _key = Convert.FromBase64String(accountKey);

    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signature = Sign(BuildStringToSign(request, accountName));
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKey", accountName + ":" + signature);
        return ValueTask.CompletedTask;
    }

    internal string Sign(string stringToSign) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>
    /// VERB, Content-Encoding, Content-Language, Content-Length (empty when zero), Content-MD5, Content-Type, Date,
    /// If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range, then canonicalized headers and resource.
    /// </summary>
    internal static string BuildStringToSign(HttpRequestMessage request, string accountName)
    {
        var content = request.Content?.Headers;
        var contentLength = content?.ContentLength is { } length && length > 0 ? length.ToString(CultureInfo.InvariantCulture) : "";
        var builder = new StringBuilder();
        builder.Append(request.Method.Method).Append('\n');
        builder.Append(Join(content?.ContentEncoding)).Append('\n');
        builder.Append(Join(content?.ContentLanguage)).Append('\n');
        builder.Append(contentLength).Append('\n');
        builder.Append(content?.ContentMD5 is { } md5 ? Convert.ToBase64String(md5) : "").Append('\n');
        builder.Append(content?.ContentType?.ToString() ?? "").Append('\n');
        builder.Append('\n'); // Date: empty, x-ms-date is sent instead.
        builder.Append(Header(request, "If-Modified-Since")).Append('\n');
        builder.Append(Header(request, "If-Match")).Append('\n');
        builder.Append(Header(request, "If-None-Match")).Append('\n');
        builder.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        builder.Append(Header(request, "Range")).Append('\n');
        AppendCanonicalizedHeaders(builder, request);
        AppendCanonicalizedResource(builder, request.RequestUri!, accountName);
        return builder.ToString();
    }

    private static void AppendCanonicalizedHeaders(StringBuilder builder, HttpRequestMessage request)
    {
        var headers = request.Headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value.Select(UnfoldWhitespace))))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder builder, Uri uri, string accountName)
    {
        // "/" + account + the encoded URI path; for path-style (emulator) URIs the path already starts with the account.
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return;
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.UnescapeDataString(p[0]).ToLowerInvariant(), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(",", group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }
    }

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static string Join(ICollection<string>? values) => values is null || values.Count == 0 ? "" : string.Join(",", values);

    /// <summary>Replaces runs of whitespace outside quoted strings with one space, per the spec's canonicalization rule.</summary>
    private static string UnfoldWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var quoted = false;
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (!quoted && char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
