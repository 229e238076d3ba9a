using VarBot.Knowledge.Model;
using VarBot.Knowledge.News;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>
/// The 2025-2026 report's events, themes and 2026 plans as the importer reads them (hand-copied from
/// seeds/jaarverslagen/var-jaarverslag-2025-jaarplan-2026.txt), plus the real news items from seeds/nieuws.
/// </summary>
internal static class TestModel
{
    private const string Report = "jaarverslagen/var-jaarverslag-2025-jaarplan-2026.txt";

    public static readonly string[] ThemeIds = ["digitale-veiligheid", "mensenhandel", "zorg-en-veiligheid", "jeugd-en-veiligheid", "maatschappelijk-ongenoegen"];

    public static KnowledgeModel Create(params NewsItem[] extraNews) => new()
    {
        Version = "test",
        Themes =
        [
            new Theme("digitale-veiligheid", "Digitale veiligheid", true, [], [], null),
            new Theme("mensenhandel", "Mensenhandel", true, [], [], null),
            new Theme("zorg-en-veiligheid", "Zorg en veiligheid", true, [], [], null),
            new Theme("jeugd-en-veiligheid", "Jeugd en veiligheid", true, [], [], null),
            new Theme("maatschappelijk-ongenoegen", "Maatschappelijk ongenoegen", true, [], [], null),
        ],
        Events =
        [
            Ev("2025-leerhuis-criminele-uitbuiting", EventType.Leerhuis, "Leerhuis Criminele Uitbuiting", null, "mensenhandel", null, 2025, 4, EventStatus.Held, 108),
            Ev("2025-leerhuis-navo-top", EventType.Leerhuis, "Leerhuis NAVO-Top", null, null, null, 2025, 7, EventStatus.Held, 110),
            Ev("2025-leerhuis-femicide", EventType.Leerhuis, "Leerhuis Femicide", null, "zorg-en-veiligheid", null, 2025, 9, EventStatus.Held, 112),
            Ev("2025-najaarscarrousel", EventType.Carrousel, "Najaarscarrousel", "De gemeente als vangnet en frontlinie", null, null, 2025, 10, EventStatus.Held, 122),
            Ev("2025-leerhuis-cyberoefendriehoek", EventType.Leerhuis, "Leerhuis Cyberoefendriehoek", null, "digitale-veiligheid", null, 2025, 11, EventStatus.Held, 114),
            Ev("2026-03-23-leerhuis", EventType.Leerhuis, "Leerhuis", "Strategisch Beleidsplan 2027-2030 van de politie-eenheid Rotterdam", null, new DateOnly(2026, 3, 23), 2026, 3, EventStatus.Planned, 134),
            Ev("2026-07-06-leerhuis", EventType.Leerhuis, "Leerhuis", null, null, new DateOnly(2026, 7, 6), 2026, 7, EventStatus.Planned, 135),
            Ev("2026-10-01-najaarscarrousel", EventType.Carrousel, "VAR Najaarscarrousel", null, null, new DateOnly(2026, 10, 1), 2026, 10, EventStatus.Planned, 140),
            Ev("2026-11-16-leerhuis", EventType.Leerhuis, "Leerhuis", null, null, new DateOnly(2026, 11, 16), 2026, 11, EventStatus.Planned, 136),
        ],
        Passages =
        [
            Plan("digitale-veiligheid", "In 2026 wordt verder uitvoering gegeven aan het 'Uitvoeringsprogramma Digitale Veiligheid 2025-2027'.", 208),
            Plan("digitale-veiligheid", "Faciliteren regionaal netwerk digitale veiligheid en het CISO-netwerk door het delen van ontwikkelingen, trends en handelingsperspectief in de vorm van interventies, goede voorbeelden en campagnes.", 212),
            Plan("mensenhandel", "In 2026 evalueren we het regionaal beleidskader en stellen we een nieuw Beleidskader en Actieplan 2027-2030 op.", 257),
            Plan("mensenhandel", "Doorontwikkeling en publiceren van Mensenhandelmonitor 2025.", 262),
            Plan("mensenhandel", "Gespreksronde (zomertour) lokale aanpak i.s.m. het ESSM.", 264),
            Plan("zorg-en-veiligheid", "In 2026 komt het Bestuurlijk Platform Zorg en Veiligheid tweemaal bijeen om regionale en landelijke trends en ontwikkelingen te bespreken.", 295),
            Plan("zorg-en-veiligheid", "Femicide, intiem terreur en huiselijk geweld: met nadruk op bewustwording, vroeg-signalering en samenwerking.", 301),
            Plan("zorg-en-veiligheid", "Personen met onbegrepen gedrag: met focus op een mensgerichte aanpak, structureel leren en het versterken van straattriage.", 302),
            Plan("zorg-en-veiligheid", "Voor het netwerk Zorg en Veiligheid staat in 2026 één gezamenlijke netwerkbijeenkomst gepland.", 305),
            Plan("jeugd-en-veiligheid", "We organiseren in 2026 drie netwerkbijeenkomsten waarin steeds één thema centraal staat.", 330),
            Plan("jeugd-en-veiligheid", "Ouderbetrokkenheid: leren hoe gemeenten, politie en andere netwerkpartners ouders/verzorgers sneller en beter kunnen betrekken bij de aanpak van jeugd(criminaliteit).", 334),
            Plan("maatschappelijk-ongenoegen", "In 2026 organiseren we drie regionale netwerkbijeenkomsten. Daarnaast organiseren we bij actualiteiten webinars over trends en ontwikkelingen.", 369),
            Plan("maatschappelijk-ongenoegen", "Regionale uitrol bestuurlijk dreigingsbeeld maatschappelijk ongenoegen.", 375),
            Plan("maatschappelijk-ongenoegen", "Opleveren van een checklist voor raadsleden over hun mogelijke rol bij maatschappelijk ongenoegen.", 379),
            Plan("maatschappelijk-ongenoegen", "Organiseren van een training met oefenscenario's op statelijke dreigingen.", 383),
        ],
        Monitoring =
        [
            new MonitoringPublication("gvb-2025", MonitoringKind.GezamenlijkVeiligheidsbeeld, "Gezamenlijk Veiligheidsbeeld 2025", "2025", 2026, 4, "voorjaar", PublicationStatus.Planned, null, new SourceRef(Report, 162)),
        ],
        News = [.. RealNews(), .. extraNews],
    };

    public static IReadOnlyList<NewsItem> RealNews() => NewsReader.ReadAll(RepoPaths.Seeds).Items;

    private static Event Ev(string id, EventType type, string title, string? topic, string? theme, DateOnly? date, int year, int? month, EventStatus status, int line) =>
        new(id, type, title, topic, theme, date, year, month, null, null, status, [new SourceRef(Report, line)]);

    private static Passage Plan(string theme, string text, int line) =>
        new($"p{line}", "2025-2026", theme, theme, null, 2026, PassageKind.Planned, true, text, new SourceRef(Report, line));
}
