using System.Text;
using System.Text.RegularExpressions;
using VarBot.Knowledge.Dutch;

namespace VarBot.Knowledge.Import;

/// <summary>Small text helpers shared by the report parsers: cleaning, heading keys, Dutch months.</summary>
internal static partial class TextTools
{
    /// <summary>Regex alternation of Dutch month names and the abbreviations the reports use.</summary>
    public const string MonthPattern =
        "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec";

    public static int? MonthNumber(string word)
    {
        var w = word.ToLowerInvariant().TrimEnd('.');
        for (var i = 0; i < DutchFormat.Months.Count; i++)
        {
            if (DutchFormat.Months[i] == w || (w.Length >= 3 && DutchFormat.Months[i].StartsWith(w, StringComparison.Ordinal)))
            {
                return i + 1;
            }
        }

        return w switch { "mrt" => 3, "okt" => 10, _ => null };
    }

    /// <summary>Removes link markers, bold markup, stray replacement characters and repeated whitespace.</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\uFFFD' or '▶' or '►' or '\u00A0')
            {
                sb.Append(ch == '\u00A0' ? ' ' : "");
                continue;
            }

            sb.Append(ch == '\t' ? ' ' : ch);
        }

        var s = sb.ToString().Replace("**", "", StringComparison.Ordinal).Replace("’", "'", StringComparison.Ordinal)
            .Replace("‘", "'", StringComparison.Ordinal);
        s = LinkMarker().Replace(s, " ");
        s = Spaces().Replace(s, " ");
        return s.Trim();
    }

    /// <summary>A heading key: lower case, numbering ("2.1", "1.1.") and markup removed, whitespace collapsed.</summary>
    public static string NormaliseHeading(string text)
    {
        var s = Clean(text);
        s = Numbering().Replace(s, "");
        s = s.Trim().TrimEnd(':').Trim();
        return s.ToLowerInvariant();
    }

    public static bool IsBulletLine(string line)
    {
        var t = line.TrimStart(' ', '\t', '\uFFFD');
        return t.StartsWith("- ", StringComparison.Ordinal) || t.StartsWith("• ", StringComparison.Ordinal)
            || t.StartsWith("* ", StringComparison.Ordinal) || t.StartsWith("•\t", StringComparison.Ordinal)
            || NumberedItem().IsMatch(t);
    }

    public static string StripBullet(string text)
    {
        var t = text.TrimStart(' ', '\t', '\uFFFD');
        if (t.StartsWith("- ", StringComparison.Ordinal) || t.StartsWith("• ", StringComparison.Ordinal)
            || t.StartsWith("* ", StringComparison.Ordinal) || t.StartsWith("•\t", StringComparison.Ordinal))
        {
            t = t[2..];
        }

        return t.TrimStart(' ', '\t', '\uFFFD');
    }

    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && ".!?:;".Contains(t[^1], StringComparison.Ordinal);
    }

    public static long? ParseAmount(string text)
    {
        var t = text.Trim().Replace(".", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Trim();
        return t.Length > 0 && t.All(char.IsAsciiDigit) ? long.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\s*(>>>|>>|►►|▶)\s*")]
    private static partial Regex LinkMarker();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\d+\.\d+\.?\s+")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^\d\.\s")]
    private static partial Regex NumberedItem();
}
