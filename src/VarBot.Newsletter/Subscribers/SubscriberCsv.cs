using System.Runtime.CompilerServices;
using System.Text;

namespace VarBot.Newsletter.Subscribers;

/// <summary>One CSV record: the line it starts on, its fields, or why it could not be read.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem = null);

/// <summary>
/// Subscriber CSV: a header row, then email, name, themes (separated by ';' or '|'); fields may be double-quoted (RFC 4180).
/// Read as a stream, one record at a time: a record longer than <see cref="MaxRecordLength"/> characters is reported and
/// skipped without being held. Written with a guard against formula injection.
/// </summary>
public static class SubscriberCsv
{
    public const int MaxRecordLength = 4_096;

    public const string Header = "email,name,themes,status,consent";

    /// <summary>Records after the header; blank lines are skipped.</summary>
    public static async IAsyncEnumerable<CsvRecord> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new char[16 * 1024];
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, length = 0;
        bool quoted = false, afterQuote = false, tooLong = false, header = true, pendingCr = false, any = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n')
                    {
                        continue;
                    }
                }

                if (!quoted && (c == '\n' || c == '\r'))
                {
                    pendingCr = c == '\r';
                    if (EndRecord() is { } record)
                    {
                        yield return record;
                    }

                    line++;
                    recordLine = line;
                    continue;
                }

                if (c == '\n')
                {
                    line++;
                }

                any = true;
                if (++length > MaxRecordLength)
                {
                    tooLong = true;
                    continue;
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    // A doubled quote inside a quoted field ("") re-opens it and keeps one quote.
                    if (afterQuote)
                    {
                        field.Append('"');
                    }

                    quoted = true;
                    afterQuote = false;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                }
                else
                {
                    field.Append(c);
                    afterQuote = false;
                }
            }
        }

        if (EndRecord() is { } last)
        {
            yield return last;
        }

        CsvRecord? EndRecord()
        {
            CsvRecord? result = null;
            if (any)
            {
                fields.Add(field.ToString());
                if (header)
                {
                    header = false;
                }
                else if (tooLong)
                {
                    result = new CsvRecord(recordLine, [], $"regel langer dan {MaxRecordLength} tekens");
                }
                else if (fields.Any(f => f.Trim().Length > 0))
                {
                    result = new CsvRecord(recordLine, fields.ToList(), quoted ? "aanhalingsteken niet gesloten" : null);
                }
            }

            fields.Clear();
            field.Clear();
            length = 0;
            any = tooLong = quoted = afterQuote = false;
            return result;
        }
    }

    /// <summary>
    /// A cell for export: quoted when needed, and a value starting with = + - @ tab or CR gets a leading apostrophe, so
    /// a spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection").
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Row(Subscriber s) => string.Join(',',
        Cell(s.Email), Cell(s.Name), Cell(string.Join(';', s.Themes)), Cell(s.Status.ToString().ToLowerInvariant()), Cell(s.ConsentSource));

    /// <summary>Removes control characters (terminal escapes such as ESC[2J, bells, NUL) before text goes to a terminal.</summary>
    public static string ForTerminal(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n' || (!char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
