using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests;

/// <summary>
/// Issue 10's convention for the CLI: every Dutch user text lives in <c>CliTexts</c> (src/VarBot.Cli/Texts), not as a
/// literal in a command. The scan parses each source file with Roslyn and reports string literals (plain, verbatim, raw
/// and the text parts of interpolated strings) that hold a Dutch word from <see cref="DutchMarkers"/>.
/// </summary>
public sealed partial class DutchTextPlacementTests
{
    private static readonly string CliSource = Path.Combine(RepoPaths.Root, "src", "VarBot.Cli");

    /// <summary>
    /// Common Dutch function words, u-forms and the words of the CLI's messages and tables. Words that are also English
    /// ("in", "is", "of", "over", "was") or that name things rather than say something (the Teams command ids "zoeken" and
    /// "zoekterm", the preview folder "nieuwsbrief-2026-03") are left out on purpose.
    /// </summary>
    private static readonly HashSet<string> DutchMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        // function words
        "de", "het", "een", "en", "van", "op", "te", "niet", "geen", "met", "voor", "naar", "bij", "uit", "aan", "om", "als",
        "dan", "dat", "die", "dit", "deze", "er", "ook", "nog", "al", "maar", "wordt", "worden", "zijn", "kan", "kunnen",
        "mag", "moet", "zal", "heeft", "hebben", "wie", "wat", "welke", "wanneer", "waar", "hoe", "niets", "alle", "elke",
        "alleen", "eerst", "daarvoor", "hier", "zonder", "tot", "vanaf", "onder", "tussen",
        // addressing the user (u-form, and the je-form that must not appear at all)
        "u", "uw", "je", "jij", "jou", "jouw", "jullie",
        // words of the CLI's own messages, options and tables
        "ja", "nee", "fout", "fouten", "waarschuwing", "waarschuwingen", "bestand", "bestanden", "map", "mislukt", "gelukt",
        "verstuurd", "versturen", "opgeslagen", "abonnee", "abonnees", "onbekend", "gehouden", "afgelast", "gepland",
        "inkomsten", "uitgaven", "thema", "thema's", "evenementen", "begrotingen", "verslag", "regel", "naam", "soort",
        "titel", "bron", "kant", "groep", "onderwerp", "actueel", "aantal", "uitkomst", "duur", "proef", "seconde",
        "seconden", "maand", "jaar", "datum", "vraag", "antwoord", "versie", "bestaat", "ontbreekt", "onleesbaar",
        "overgeslagen", "nuttig", "onbeantwoord", "tekst", "toont", "toon", "geef", "gebruik", "controleer", "standaard",
        "bijvoorbeeld", "opslag", "gevonden", "geschreven", "gelezen", "geladen", "goedgekeurd", "bevestigd", "huidig",
        "vorige", "voorbeeld", "jjjj",
    };

    [Fact]
    public void CliSources_OutsideTextsFolder_HoldNoDutchUserText()
    {
        var files = Directory.EnumerateFiles(CliSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, "Texts") && !IsUnder(f, "bin") && !IsUnder(f, "obj"))
            .ToList();
        Assert.True(files.Count > 10, $"Expected the CLI's sources under {CliSource}, found {files.Count} files.");

        var findings = files
            .SelectMany(file => DutchLiterals(File.ReadAllText(file)).Select(f => $"{Path.GetRelativePath(CliSource, file)}:{f.Line}: {f.Text}"))
            .ToList();

        Assert.True(findings.Count == 0,
            "Dutch user texts belong in src/VarBot.Cli/Texts (CliTexts), not in these literals:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void CliTexts_AllTexts_UseTheUForm()
    {
        var jeForm = Directory.EnumerateFiles(Path.Combine(CliSource, "Texts"), "*.cs")
            .SelectMany(file => Literals(File.ReadAllText(file)).Select(l => (File: Path.GetFileName(file), l.Line, l.Text)))
            .Where(l => Words(l.Text).Any(w => w is "je" or "jij" or "jou" or "jouw" or "jullie"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(jeForm.Count == 0, "CLI texts address the user with 'u', never 'je/jij':\n" + string.Join("\n", jeForm));
    }

    [Theory]
    [InlineData("""Console.WriteLine("Het bestand bestaat niet.");""")]
    [InlineData("""var s = $"[red]Geen map {name} gevonden[/]";""")]
    [InlineData("""var s = @"Controleer uw invoer";""")]
    [InlineData("""var o = new Option<int>("--year") { HelpName = "JAAR" };""")]
    [InlineData(""""var s = $$"""{{x}} abonnees""";"""")]
    public void DutchLiterals_PlantedDutchText_IsReported(string statement)
    {
        var found = DutchLiterals(Wrap(statement));

        Assert.Single(found);
        Assert.Equal(3, found[0].Line);
    }

    [Theory]
    [InlineData("""var o = new Option<string?>("--connection-string");""")]
    [InlineData("""var d = DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);""")]
    [InlineData("""var p = Path.Combine("out", "nieuwsbrief-" + month);""")]
    [InlineData("""var reason = $"HTTP {status}";""")]
    [InlineData("""var schema = $"https://developer.microsoft.com/en-us/json-schemas/teams/v{version}/MicrosoftTeams.schema.json";""")]
    [InlineData("""var when = stored.ToString("HH:mm", CultureInfo.InvariantCulture);""")]
    [InlineData("""// Geen Nederlandse tekst in commentaar telt mee: "de bestanden".""")]
    [InlineData("""const string Id = "zoeken";""")]
    public void DutchLiterals_NonTextStrings_AreNotReported(string statement) =>
        Assert.Empty(DutchLiterals(Wrap(statement)));

    private static string Wrap(string statement) => "class C\n{\n    void M() { " + statement + " }\n}\n";

    private static bool IsUnder(string file, string folder) =>
        Path.GetRelativePath(CliSource, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Contains(folder, StringComparer.Ordinal);

    private static List<(int Line, string Text)> DutchLiterals(string source) =>
        [.. Literals(source).Where(l => !IsUrl(l.Text) && Words(l.Text).Any(DutchMarkers.Contains))];

    private static bool IsUrl(string text) =>
        text.StartsWith("https://", StringComparison.Ordinal) || text.StartsWith("http://", StringComparison.Ordinal);

    /// <summary>Every string literal with its 1-based line; an interpolated string counts as one text, its holes as spaces.</summary>
    private static IEnumerable<(int Line, string Text)> Literals(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    yield return (LineOf(literal), literal.Token.ValueText);
                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    var text = string.Join(" ", interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : " "));
                    yield return (LineOf(interpolated), text);
                    break;
            }
        }
    }

    private static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The words of a text, lower case; "thema's" stays one word.</summary>
    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?")]
    private static partial Regex WordPattern();
}
