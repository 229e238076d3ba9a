using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace VarBot.Newsletter.Subscribers;

public enum ImportIssueKind
{
    /// <summary>The row was not imported: bad address, name or theme, unreadable record.</summary>
    Invalid,

    /// <summary>The same address as an earlier row: skipped, the first row counts.</summary>
    Duplicate,

    /// <summary>Imported, but a theme was an alias or former theme and was mapped to its current theme.</summary>
    Mapped,
}

/// <summary>A finding about one line of the file, in Dutch, without the address.</summary>
public sealed record ImportIssue(int Line, ImportIssueKind Kind, string Message);

/// <summary>
/// What an import did (or, in a dry run, would do). <see cref="Issues"/> keeps the first <see cref="SubscriberImporter.MaxIssues"/>
/// findings; the counts cover all rows.
/// </summary>
public sealed record ImportReport(
    bool DryRun,
    int Rows,
    int Imported,
    int Existing,
    int Invalid,
    int Duplicates,
    int Mapped,
    IReadOnlyList<ImportIssue> Issues,
    TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : Rows;
}

/// <summary>
/// Imports confirmed subscribers from a CSV stream (staff vouch for consent; the source is recorded as "import:{file}").
/// Streams the file, validates every row (address, name, themes mapped through the model), reports invalid rows and
/// duplicates by line (the first row of an address wins; an address already subscribed is left unchanged) and writes
/// new subscribers insert-if-absent, grouped per table partition into entity group transactions of up to 100 that run
/// in parallel (a failed batch is written row by row). A dry run validates and checks storage but writes nothing.
/// </summary>
public sealed class SubscriberImporter(SubscriberStore store)
{
    public const int MaxIssues = 1_000;

    /// <summary>Batches in flight at once.</summary>
    private const int Writers = 8;

    public async Task<ImportReport> ImportAsync(TextReader csv, string sourceName, ThemeResolver themes, bool dryRun, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var issues = new List<ImportIssue>();
        int rows = 0, imported = 0, existing = 0, invalid = 0, duplicates = 0, mapped = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var consent = "import:" + Path.GetFileName(sourceName);

        void Report(int line, ImportIssueKind kind, string message)
        {
            lock (issues)
            {
                if (issues.Count < MaxIssues)
                {
                    issues.Add(new ImportIssue(line, kind, message));
                }
            }
        }

        // One listing instead of a read per row: which addresses are subscribers already (their keys are the RowKeys).
        var known = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in store.ListKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            known.Add(key);
        }

        async IAsyncEnumerable<(int Line, string Key, string Email, string? Name, IReadOnlyList<string> Themes)> ValidRowsAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var record in SubscriberCsv.ReadAsync(csv, ct))
            {
                rows++;
                if (Validate(record, themes, out var row, out var problem, out var mappings) is false)
                {
                    invalid++;
                    Report(record.Line, ImportIssueKind.Invalid, $"Regel {record.Line}: {problem}; niet geïmporteerd.");
                    continue;
                }

                var key = store.KeyOf(row.Email);
                if (seen.TryGetValue(key, out var first))
                {
                    duplicates++;
                    Report(record.Line, ImportIssueKind.Duplicate, $"Regel {record.Line}: hetzelfde e-mailadres als regel {first}; overgeslagen (regel {first} telt).");
                    continue;
                }

                seen[key] = record.Line;
                if (mappings.Count > 0)
                {
                    mapped++;
                    Report(record.Line, ImportIssueKind.Mapped, $"Regel {record.Line}: {string.Join(", ", mappings)}.");
                }

                yield return (record.Line, key, row.Email, row.Name, row.Themes);
            }
        }

        // New subscribers are grouped per partition and written insert-if-absent in entity group transactions of up to
        // 100, several at once; a partition's rows wait in memory until its batch is full (at most 256 x 99 rows) or the
        // file ends. A subscriber who signs up during the import wins; an address subscribed already is left unchanged.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<List<(string Key, Subscriber Subscriber)>>(Writers * 2);
        var writers = dryRun ? [] : Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(failed.Token).ConfigureAwait(false))
                {
                    var created = await store.CreateBatchAsync(batch, failed.Token).ConfigureAwait(false);
                    Interlocked.Add(ref imported, created);
                    Interlocked.Add(ref existing, batch.Count - created);
                }
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        })).ToArray();

        var pending = new Dictionary<string, List<(string Key, Subscriber Subscriber)>>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in ValidRowsAsync(failed.Token).ConfigureAwait(false))
            {
                if (known.Contains(row.Key))
                {
                    Interlocked.Increment(ref existing);
                    continue;
                }

                if (dryRun)
                {
                    Interlocked.Increment(ref imported);
                    continue;
                }

                var partition = SubscriberStore.PartitionOf(row.Key);
                if (!pending.TryGetValue(partition, out var batch))
                {
                    pending[partition] = batch = new List<(string Key, Subscriber Subscriber)>(SubscriberStore.MaxBatch);
                }

                batch.Add((row.Key, store.NewSubscriber(row.Email, row.Name, row.Themes, consent, confirmed: true)));
                if (batch.Count == SubscriberStore.MaxBatch)
                {
                    pending.Remove(partition);
                    await batches.Writer.WriteAsync(batch, failed.Token).ConfigureAwait(false);
                }
            }

            foreach (var batch in pending.Values)
            {
                await batches.Writer.WriteAsync(batch, failed.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A writer failed: its exception is thrown below.
        }
        finally
        {
            batches.Writer.TryComplete();
        }

        await Task.WhenAll(writers).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        issues.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ImportReport(dryRun, rows, imported, existing, invalid, duplicates, mapped, issues, watch.Elapsed);
    }

    private static bool Validate(CsvRecord record, ThemeResolver themes, out (string Email, string? Name, IReadOnlyList<string> Themes) row, out string problem, out List<string> mappings)
    {
        row = default;
        mappings = [];
        problem = record.Problem ?? "";
        if (record.Problem is not null)
        {
            return false;
        }

        var email = record.Fields[0].Trim();
        var name = record.Fields.Count > 1 && record.Fields[1].Trim().Length > 0 ? record.Fields[1].Trim() : null;
        if (record.Fields.Count > 3)
        {
            problem = $"{record.Fields.Count} kolommen, verwacht: email, name, themes";
            return false;
        }

        if (SubscriptionService.CheckAddress(email) is { } addressProblem)
        {
            problem = addressProblem == SubscribeResult.AddressTooLong ? "e-mailadres te lang" : "geen geldig e-mailadres";
            return false;
        }

        if (SubscriptionService.CheckName(name) is { } nameProblem)
        {
            problem = nameProblem == SubscribeResult.NameTooLong ? $"naam langer dan {SubscriptionService.MaxNameLength} tekens" : "naam bevat niet-toegestane tekens";
            return false;
        }

        var chosen = new List<string>();
        var names = record.Fields.Count > 2 ? record.Fields[2].Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        foreach (var theme in names)
        {
            var target = themes.Resolve(theme, out var known);
            if (target is null)
            {
                problem = known
                    ? $"thema '{Printable(theme)}' bestaat niet meer en heeft geen opvolger"
                    : $"onbekend thema '{Printable(theme)}' (gebruik een thema-id, zie 'varbot show themes')";
                return false;
            }

            if (target != theme)
            {
                mappings.Add($"thema '{Printable(theme)}' gelezen als '{target}'");
            }

            if (!chosen.Contains(target))
            {
                chosen.Add(target);
            }
        }

        row = (email, name, chosen);
        return true;
    }

    private static string Printable(string text)
    {
        var clean = SubscriberCsv.ForTerminal(text).Replace("\n", " ", StringComparison.Ordinal);
        return clean.Length > 40 ? clean[..40] + "…" : clean;
    }
}
