using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Tests.Import;

public sealed class OrganisationImportTests
{
    [Theory]
    [InlineData("2025-2026", OrganisationFactKind.Chair, "Theo Segers", "Burgemeester Molenlanden")]
    [InlineData("2025-2026", OrganisationFactKind.ViceChair, "Jack de Vries", "Burgemeester Maassluis")]
    [InlineData("2025-2026", OrganisationFactKind.Head, "Astrid de Jong", null)]
    [InlineData("2025-2026", OrganisationFactKind.Municipalities, "23", "samenwerkingsverband van 23 gemeenten")]
    [InlineData("2025-2026", OrganisationFactKind.NewsletterSubscribers, "1400", "ruim 1400 abonnees")]
    [InlineData("2025-2026", OrganisationFactKind.LinkedInFollowers, "1600", "LinkedIn-kanaal (met 1600 volgers)")]
    [InlineData("2025-2026", OrganisationFactKind.KeyPartner, "Openbaar Ministerie", null)]
    [InlineData("2024-2025", OrganisationFactKind.Chair, "Theo Segers", "Burgemeester Molenlanden")]
    [InlineData("2023-2024", OrganisationFactKind.Chair, "Theo Segers", "Burgemeester Molenlanden")]
    [InlineData("2023-2024", OrganisationFactKind.ViceChair, "Pieter van de Stadt", "Burgemeester Lansingerland")]
    [InlineData("2020-2021", OrganisationFactKind.Chair, "Jan Heijkoop", "Burgemeester Hendrik Ido Ambacht")]
    [InlineData("2020-2021", OrganisationFactKind.ViceChair, "Milène Junius", "Burgemeester Hellevoetsluis")]
    [InlineData("2020-2021", OrganisationFactKind.Municipalities, "25", "samenwerkingsverband van 25 gemeenten")]
    [InlineData("2017-2018", OrganisationFactKind.Chair, "Jan Heijkoop", "Burgemeester Hendrik Ido Ambacht")]
    [InlineData("2017-2018", OrganisationFactKind.Head, "Peter Groeneveld", null)]
    [InlineData("2017-2018", OrganisationFactKind.Municipalities, "32", "ondersteunt de 32 gemeenten")]
    public void Import_OrganisationFact_AsTheReportStatesIt(string reportId, OrganisationFactKind kind, string value, string? detail)
    {
        var fact = ImportedReports.Result.Organisation.Single(f => f.ReportId == reportId && f.Kind == kind && f.Value == value);
        Assert.Equal(detail, fact.Detail);
        Assert.Equal(int.Parse(reportId[..4], System.Globalization.CultureInfo.InvariantCulture), fact.Year);
    }

    [Fact]
    public void Import_OrganisationFacts_OneChairPerReport()
    {
        foreach (var report in ImportedReports.Result.Reports)
        {
            Assert.Single(ImportedReports.Result.Organisation, f => f.ReportId == report.Id && f.Kind == OrganisationFactKind.Chair);
        }
    }
}
