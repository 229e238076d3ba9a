using System.Diagnostics;
using System.Runtime.CompilerServices;

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
/// new subscribers with create-only, parallel writes. A dry run validates and checks storage but writes nothing.
/// </summary>
public sealed class SubscriberImporter(SubscriberStore store)
{
    public const int MaxIssues = 1_000;

    private const int Writers = 16;

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

        // One listing instead of a read per row: which addresses are subscribers already (their keys are blob names).
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

        await Parallel.ForEachAsync(ValidRowsAsync(cancellationToken), new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            // An address subscribed already is left unchanged; a new one is written create-only (a subscriber who
            // signs up during the import wins).
            var created = !known.Contains(row.Key)
                && (dryRun || (await store.CreateAsync(row.Email, row.Name, row.Themes, consent, confirmed: true, ct)).Created);

            Interlocked.Increment(ref created ? ref imported : ref existing);
        });

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
