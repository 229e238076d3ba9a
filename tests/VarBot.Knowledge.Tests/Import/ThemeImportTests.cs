using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Tests.Import;

public sealed class ThemeImportTests
{
    public static TheoryData<string> CurrentThemes =>
        ["digitale-veiligheid", "mensenhandel", "zorg-en-veiligheid", "jeugd-en-veiligheid", "maatschappelijk-ongenoegen"];

    [Theory]
    [MemberData(nameof(CurrentThemes))]
    public void Import_CurrentTheme_HasDoneAndPlannedPassagesForLatestYears(string themeId)
    {
        var passages = ImportedReports.Result.Passages.Where(p => p.ReportId == "2025-2026" && p.ThemeId == themeId).ToList();
        Assert.Contains(passages, p => p.Kind == PassageKind.Done && p.Year == 2025);
        Assert.Contains(passages, p => p.Kind == PassageKind.Planned && p.Year == 2026);
    }

    [Fact]
    public void Import_ThemeCatalogue_HoldsCurrentAndFormerThemes()
    {
        var themes = ImportedReports.Result.Themes;
        Assert.Equal(5, themes.Count(t => t.IsCurrent));
        Assert.Contains("Gedigitaliseerde criminaliteit", themes.Single(t => t.Id == "digitale-veiligheid").FormerNames);
        Assert.Contains("Personen met verward gedrag", themes.Single(t => t.Id == "zorg-en-veiligheid").FormerNames);
        Assert.Contains("Radicalisering en polarisatie", themes.Single(t => t.Id == "maatschappelijk-ongenoegen").FormerNames);
        Assert.Equal("zorg-en-veiligheid", themes.Single(t => t.Id == "huiselijk-geweld").SucceededBy);
        foreach (var id in new[] { "veilig-ondernemen", "ondermijning", "woonoverlast", "privacy", "burgernet", "jeugd-alcohol-drugs", "veiligheidsbeleving" })
        {
            Assert.False(themes.Single(t => t.Id == id).IsCurrent);
        }
    }

    /// <summary>Where the section headings are missing or repeated, the passage at a line belongs to this section.</summary>
    [Theory]
    // 2025-2026: headless blocks placed by table-of-contents order
    [InlineData("2025-2026", 100, "Kennisbijeenkomsten", null, PassageKind.Done)]
    [InlineData("2025-2026", 156, "Monitoring", null, PassageKind.Done)]
    [InlineData("2025-2026", 172, "Communicatie", null, PassageKind.Done)]
    [InlineData("2025-2026", 190, "Digitale veiligheid", "digitale-veiligheid", PassageKind.Done)]
    [InlineData("2025-2026", 208, "Digitale veiligheid", "digitale-veiligheid", PassageKind.Planned)]
    [InlineData("2025-2026", 227, "Mensenhandel", "mensenhandel", PassageKind.Done)]
    [InlineData("2025-2026", 278, "Zorg en veiligheid", "zorg-en-veiligheid", PassageKind.Done)]
    [InlineData("2025-2026", 311, "Jeugd en veiligheid", "jeugd-en-veiligheid", PassageKind.Done)]
    [InlineData("2025-2026", 369, "Maatschappelijk ongenoegen", "maatschappelijk-ongenoegen", PassageKind.Planned)]
    [InlineData("2025-2026", 53, "Voorwoord", null, PassageKind.General)]
    [InlineData("2025-2026", 88, "Organisatie", null, PassageKind.General)]
    // 2024-2025
    [InlineData("2024-2025", 93, "Kennisbijeenkomsten", null, PassageKind.Done)]
    [InlineData("2024-2025", 177, "Digitale veiligheid", "digitale-veiligheid", PassageKind.Done)]
    [InlineData("2024-2025", 210, "Mensenhandel", "mensenhandel", PassageKind.Done)]
    [InlineData("2024-2025", 263, "Zorg en veiligheid", "zorg-en-veiligheid", PassageKind.Done)]
    [InlineData("2024-2025", 311, "Jeugd en veiligheid", "jeugd-en-veiligheid", PassageKind.Planned)]
    [InlineData("2024-2025", 354, "Maatschappelijk ongenoegen", "maatschappelijk-ongenoegen", PassageKind.Planned)]
    // 2023-2024: each theme heading twice, plan and recap in varying order
    [InlineData("2023-2024", 107, "Kennisbijeenkomsten", null, PassageKind.Planned)]
    [InlineData("2023-2024", 147, "Kennisbijeenkomsten", null, PassageKind.Done)]
    [InlineData("2023-2024", 261, "Digitale veiligheid", "digitale-veiligheid", PassageKind.Planned)]
    [InlineData("2023-2024", 299, "Digitale veiligheid", "digitale-veiligheid", PassageKind.Done)]
    [InlineData("2023-2024", 348, "Mensenhandel", "mensenhandel", PassageKind.Planned)]
    [InlineData("2023-2024", 377, "Mensenhandel", "mensenhandel", PassageKind.Done)]
    [InlineData("2023-2024", 415, "Zorg en veiligheid", "zorg-en-veiligheid", PassageKind.Done)]
    [InlineData("2023-2024", 492, "Jeugd en veiligheid", "jeugd-en-veiligheid", PassageKind.Planned)]
    [InlineData("2023-2024", 612, "Maatschappelijk ongenoegen", "maatschappelijk-ongenoegen", PassageKind.Done)]
    [InlineData("2023-2024", 664, "Privacy", "privacy", PassageKind.Done)]
    [InlineData("2023-2024", 683, "Burgernet", "burgernet", PassageKind.Done)]
    // 2020-2021: sub-headings with theme names
    [InlineData("2020-2021", 188, "Digitale veiligheid", "digitale-veiligheid", PassageKind.Done)]
    [InlineData("2020-2021", 205, "Digitale veiligheid", "digitale-veiligheid", PassageKind.Planned)]
    [InlineData("2020-2021", 229, "Ondermijning", "ondermijning", PassageKind.Done)]
    [InlineData("2020-2021", 287, "Huiselijk geweld", "huiselijk-geweld", PassageKind.Done)]
    [InlineData("2020-2021", 297, "Zorg en veiligheid", "zorg-en-veiligheid", PassageKind.Done)]
    [InlineData("2020-2021", 343, "Jeugd, alcohol en drugs", "jeugd-alcohol-drugs", PassageKind.Done)]
    [InlineData("2020-2021", 411, "Veilig ondernemen", "veilig-ondernemen", PassageKind.Done)]
    // 2017-2018: numbered OCR headings, paragraphs placed by keywords where the columns slipped
    [InlineData("2017-2018", 49, "Kennisbijeenkomsten", null, PassageKind.Done)]
    [InlineData("2017-2018", 199, "Jeugd en veiligheid", "jeugd-en-veiligheid", PassageKind.Done)]
    [InlineData("2017-2018", 312, "Huiselijk geweld", "huiselijk-geweld", PassageKind.Planned)]
    [InlineData("2017-2018", 375, "Maatschappelijk ongenoegen", "maatschappelijk-ongenoegen", PassageKind.Done)]
    [InlineData("2017-2018", 481, "Digitale veiligheid", "digitale-veiligheid", PassageKind.Planned)]
    [InlineData("2017-2018", 488, "Organisatie", null, PassageKind.General)]
    public void Import_PassageAtLine_BelongsToSection(string reportId, int line, string section, string? themeId, PassageKind kind)
    {
        var passage = ImportedReports.Result.Passages.First(p => p.ReportId == reportId && p.Source.Line == line);
        Assert.Equal(section, passage.Section);
        Assert.Equal(themeId, passage.ThemeId);
        Assert.Equal(kind, passage.Kind);
    }

    [Fact]
    public void Import_TableOfContentsOrder_AgreesWithKeywords()
    {
        Assert.DoesNotContain(ImportedReports.Result.Issues, i => i.Code is "section-order" or "section-unknown");
    }

    [Theory]
    [InlineData("Organisatie van vier CISO-bijeenkomsten.", "digitale-veiligheid", 2025)]
    [InlineData("Ontwikkelen en uitrollen van nieuwe interventies: 'Interactieve film voor mensen met een LVB'", "digitale-veiligheid", 2026)]
    [InlineData("\"Koffer Verkeerd\" gelanceerd in samenwerking met de gemeente Dordrecht.", "mensenhandel", 2024)]
    [InlineData("De VAR heeft in mei de interventietool (Ont)wapenend opgeleverd.", "jeugd-en-veiligheid", 2024)]
    public void Import_InformativeSentence_IsInAThemedPassage(string sentence, string themeId, int year)
    {
        Assert.Contains(ImportedReports.Result.Passages, p => p.Text.Contains(sentence, StringComparison.Ordinal) && p.ThemeId == themeId && p.Year == year);
    }

    [Fact]
    public void Import_Passages_HaveUniqueIdsAndNoLinkMarkers()
    {
        var passages = ImportedReports.Result.Passages;
        Assert.Equal(passages.Count, passages.Select(p => p.Id).Distinct().Count());
        Assert.DoesNotContain(passages, p => p.Text.Contains(">>>", StringComparison.Ordinal) || p.Text.Contains('▶') || p.Text.Contains('►'));
    }
}
