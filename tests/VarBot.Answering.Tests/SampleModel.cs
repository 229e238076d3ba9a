using VarBot.Knowledge.Model;

namespace VarBot.Answering.Tests;

/// <summary>A small hand-built model with figures copied from the 2024 and 2025 reports, for tests that need no importer.</summary>
internal static class SampleModel
{
    public static KnowledgeModel Create()
    {
        var file = "jaarverslagen/var-jaarverslag-2025-jaarplan-2026.txt";
        var file24 = "jaarverslagen/var-jaarverslag-2024-jaarplan-2025.txt";
        SourceRef S(int line) => new(file, line);
        BudgetLine L(string label, BudgetSide side, long? amount, string? text = null, BudgetLineKind kind = BudgetLineKind.Line) =>
            new(label, side, kind, null, amount, text, null, S(400));
        return new KnowledgeModel
        {
            Reports =
            [
                new Report("2024-2025", 2024, 2025, "Jaarverslag 2024 / Jaarplan 2025", file24),
                new Report("2025-2026", 2025, 2026, "Jaarverslag 2025 / Jaarplan 2026", file),
            ],
            Organisation =
            [
                new OrganisationFact("2025-2026", 2025, OrganisationFactKind.Chair, "Theo Segers", "Burgemeester Molenlanden", S(80)),
                new OrganisationFact("2025-2026", 2025, OrganisationFactKind.NewsletterSubscribers, "1400", null, S(172)),
            ],
            Themes =
            [
                new Theme("digitale-veiligheid", "Digitale veiligheid", true, ["cybercrime"], [], null),
                new Theme("zorg-en-veiligheid", "Zorg en veiligheid", true, [], ["Personen met verward gedrag"], null),
            ],
            Passages =
            [
                new Passage("p1", "2025-2026", "digitale-veiligheid", "Digitale veiligheid", null, 2025, PassageKind.Done, false,
                    "In april heeft het RVO het 'Uitvoeringsprogramma Digitale Veiligheid 2025-2027' vastgesteld.", S(190)),
                new Passage("p2", "2025-2026", "digitale-veiligheid", "Digitale veiligheid", null, 2025, PassageKind.Done, true,
                    "Organisatie van vier CISO-bijeenkomsten.", S(200)),
                new Passage("p3", "2025-2026", "digitale-veiligheid", "Digitale veiligheid", null, 2026, PassageKind.Planned, true,
                    "Ontwikkelen en uitrollen van nieuwe interventies: 'Interactieve film voor mensen met een LVB', een E-learning 'Online Aangejaagde Orde Verstoringen' en het gebruik van OSINT.", S(220)),
                new Passage("p4", "2024-2025", "zorg-en-veiligheid", "Zorg en veiligheid", null, 2024, PassageKind.Done, false,
                    "De VAR heeft in mei de interventietool (Ont)wapenend opgeleverd.", S(307)),
            ],
            Events =
            [
                new Event("e1", EventType.Leerhuis, "Leerhuis", null, null, new DateOnly(2026, 3, 23), 2026, 3, null, null, EventStatus.Planned, [S(130)]),
                new Event("e2", EventType.Leerhuis, "Leerhuis", null, null, new DateOnly(2026, 7, 6), 2026, 7, null, null, EventStatus.Planned, [S(131)]),
                new Event("e3", EventType.Leerhuis, "Leerhuis", null, null, new DateOnly(2026, 11, 16), 2026, 11, null, null, EventStatus.Planned, [S(132)]),
                new Event("e4", EventType.Carrousel, "Najaarscarrousel", null, null, new DateOnly(2026, 10, 1), 2026, 10, null, null, EventStatus.Planned, [S(136)]),
            ],
            Budgets =
            [
                new Budget("j2025", "2025-2026", 2025, BudgetKind.Jaarrekening, "Jaarrekening 2025", 671_623,
                [
                    L("Inwonersbijdrage gemeenten bijdrage VAR", BudgetSide.Income, 197_000),
                    L("Inwonersbijdrage gemeenten mensenhandel", BudgetSide.Income, 109_000),
                    L("Loonkosten", BudgetSide.Expense, 420_000),
                    L("Monitoring", BudgetSide.Expense, 28_000),
                ], [], S(390)),
                new Budget("b2025", "2024-2025", 2025, BudgetKind.Begroting, "Begroting 2025", 745_000,
                [
                    L("Inwonersbijdrage gemeenten bijdrage VAR", BudgetSide.Income, 197_000),
                    L("Loonkosten", BudgetSide.Expense, 330_000),
                    L("Monitoring", BudgetSide.Expense, 95_000),
                ], [], S(420)),
                new Budget("b2026", "2025-2026", 2026, BudgetKind.Begroting, "Begroting 2026", 484_000,
                [
                    L("Inwonersbijdrage gemeenten bijdrage VAR", BudgetSide.Income, 199_000),
                    L("Overdracht cybersubsidie gemeente Rotterdam", BudgetSide.Income, null, "PM*"),
                    L("Loonkosten", BudgetSide.Expense, 420_000),
                    L("Monitoring", BudgetSide.Expense, 30_000),
                ], [], S(430)),
            ],
        };
    }
}
