using System.Text.RegularExpressions;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>
/// Organisation facts as each report states them: the signatures under the foreword (name above the role
/// "Voorzitter/Vicevoorzitter/Hoofd VeiligheidsAlliantie", with the "Burgemeester ..." line as detail; the 2023
/// signatures stand side by side in tab-separated columns), the 2017 board sentence, "samenwerkingsverband van
/// 23 gemeenten, de politie en het Openbaar Ministerie", "ruim 1400 abonnees" and "LinkedIn-kanaal (met 1600 volgers)".
/// </summary>
internal static partial class OrganisationExtractor
{
    public static List<OrganisationFact> Extract(ReportContext report)
    {
        var facts = new List<OrganisationFact>();
        var lines = report.Lines;
        void Add(OrganisationFactKind kind, string value, string? detail, int line)
        {
            if (!facts.Any(f => f.Kind == kind && f.Value == value))
            {
                facts.Add(new OrganisationFact(report.Id, report.ReportYear, kind, value, detail, report.Source(line)));
            }
        }

        var clean = lines.Select(TextTools.Clean).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (clean[i].Length == 0)
            {
                continue;
            }

            var columns = Role().IsMatch(clean[i]) ? Columns(lines[i]) : [];
            for (var c = 0; c < columns.Count; c++)
            {
                var role = Role().Match(columns[c]);
                if (!role.Success)
                {
                    continue;
                }

                var kind = role.Groups[1].Value.ToLowerInvariant() switch
                {
                    "hoofd" => OrganisationFactKind.Head,
                    var r when r.StartsWith("vice", StringComparison.Ordinal) => OrganisationFactKind.ViceChair,
                    _ => OrganisationFactKind.Chair,
                };
                var (name, nameLine) = FindAbove(lines, i, c, IsName);
                if (name is null)
                {
                    continue;
                }

                var (detail, _) = FindAbove(lines, i, c, s => s.StartsWith("Burgemeester", StringComparison.Ordinal), stopAt: nameLine - 1);
                var prefix = columns[c][..role.Index].Trim().TrimEnd(',');
                if (detail is null && prefix.StartsWith("Burgemeester", StringComparison.Ordinal))
                {
                    detail = prefix;
                }

                if (detail is null && i + 1 < lines.Length && Columns(lines[i + 1]) is { } below && c < below.Count
                    && below[c].StartsWith("Burgemeester", StringComparison.Ordinal))
                {
                    detail = below[c];
                }

                Add(kind, name, detail, nameLine + 1);
            }

            var text = i + 1 < lines.Length ? clean[i] + " " + clean[i + 1] : clean[i]; // wrapped reports split sentences over lines

            var board = ViceChair2017().Match(text);
            if (board.Success)
            {
                Add(OrganisationFactKind.ViceChair, board.Groups["name"].Value, $"Burgemeester {board.Groups["place"].Value}", i + 1);
            }

            var municipalities = Municipalities().Match(clean[i]);
            if (municipalities.Success)
            {
                Add(OrganisationFactKind.Municipalities, municipalities.Groups[1].Value, municipalities.Value, i + 1);
                var partners = Partners().Match(clean[i][municipalities.Index..]);
                if (partners.Success)
                {
                    Add(OrganisationFactKind.KeyPartner, "politie", null, i + 1);
                    Add(OrganisationFactKind.KeyPartner, "Openbaar Ministerie", null, i + 1);
                }
            }

            var subscribers = Subscribers().Match(clean[i]);
            if (subscribers.Success)
            {
                Add(OrganisationFactKind.NewsletterSubscribers, subscribers.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), subscribers.Value, i + 1);
            }

            var followers = LinkedIn().Match(clean[i]);
            if (followers.Success)
            {
                Add(OrganisationFactKind.LinkedInFollowers, followers.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), followers.Value, i + 1);
            }
        }

        return facts;
    }

    private static (string? Text, int Line) FindAbove(string[] lines, int from, int column, Func<string, bool> match, int stopAt = -1)
    {
        for (var j = from - 1; j >= Math.Max(0, from - 4) && j > stopAt; j--)
        {
            var cols = Columns(lines[j]);
            if (cols.Count == 0)
            {
                continue;
            }

            var candidate = column < cols.Count ? cols[column] : cols.Count == 1 ? cols[0] : null;
            if (candidate is not null && match(candidate))
            {
                return (candidate, j);
            }
        }

        return (null, -1);
    }

    private static List<string> Columns(string line) =>
        ColumnSplit().Split(line.Replace("\uFFFD", "", StringComparison.Ordinal)).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

    private static bool IsName(string s) =>
        PersonName().IsMatch(s) && !s.StartsWith("Burgemeester", StringComparison.Ordinal) && !s.StartsWith("Hoofd", StringComparison.Ordinal)
        && !s.StartsWith("Voorzitter", StringComparison.Ordinal) && !s.StartsWith("Vice", StringComparison.Ordinal)
        && !s.Contains("Veiligheids", StringComparison.OrdinalIgnoreCase) && !s.Contains("regio", StringComparison.Ordinal);

    [GeneratedRegex(@"\t+|\s{3,}")]
    private static partial Regex ColumnSplit();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?: (?:van|de|der|den|te|ter))*(?: \p{Lu}\p{L}+)+$")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"(vice-?voorzitter|voorzitter|hoofd)\s+veiligheidsalliantie", RegexOptions.IgnoreCase)]
    private static partial Regex Role();

    [GeneratedRegex(@"burgemeester (?<name>\p{Lu}\p{Ll}+) van gemeente (?<place>[\p{L}-]+) \(vice-voorzitter\)")]
    private static partial Regex ViceChair2017();

    [GeneratedRegex(@"(?:samenwerkingsverband van (?:en voor )?|ondersteunt de )(\d+) gemeenten")]
    private static partial Regex Municipalities();

    [GeneratedRegex(@"gemeenten,? (?:de )?politie en (?:het )?Openbaar Ministerie", RegexOptions.IgnoreCase)]
    private static partial Regex Partners();

    [GeneratedRegex(@"(?:ruim |circa |ongeveer )?(\d[\d.]*) abonnees")]
    private static partial Regex Subscribers();

    [GeneratedRegex(@"LinkedIn[^.]*?\(met (\d[\d.]*) volgers\)")]
    private static partial Regex LinkedIn();
}
