using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VarBot.Storage;

/// <summary>
/// Metrics of the calls to blob and table storage (OpenTelemetry reads them by <see cref="Name"/>), counted on the HTTP
/// requests of the named storage client: operation (get, put, head, delete, list, container, batch for a table
/// transaction, post) and status code, no blob, table or row names.
/// </summary>
public static class StorageTelemetry
{
    public const string Name = "VarBot.Storage";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("varbot.storage.calls", "{call}", "Requests to blob and table storage, by operation and HTTP status code.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("varbot.storage.call.duration", "s", "Duration of one request to blob or table storage.");

    /// <summary>A handler for the storage HttpClient that records every request.</summary>
    public static DelegatingHandler CreateHandler() => new Handler();

    internal static string Operation(HttpRequestMessage request)
    {
        if (request.RequestUri?.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) == true)
        {
            return "batch";
        }

        var query = request.RequestUri?.Query ?? "";
        if (query.Contains("restype=container", StringComparison.OrdinalIgnoreCase) && !query.Contains("comp=list", StringComparison.OrdinalIgnoreCase))
        {
            return "container";
        }

        return query.Contains("comp=list", StringComparison.OrdinalIgnoreCase) ? "list" : request.Method.Method.ToLowerInvariant();
    }

    private sealed class Handler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var status = "error";
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return response;
            }
            finally
            {
                var tags = new TagList { { "varbot.storage.operation", Operation(request) }, { "http.response.status_code", status } };
                Calls.Add(1, tags);
                Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }
}
