using VarBot.Answering.Indexes;

namespace VarBot.Answering.Tests;

/// <summary>What the sentence splitter treats as OCR debris instead of an answer sentence, and what a joined lead says once.</summary>
public sealed class SentencesTests
{
    [Theory]
    [InlineData("Theo Segers Pieter van de Stadt Astrid de Jong Burgemeester Molenlanden Burgemeester Lansingerland Hoofd VeiligheidsAlliantie")]
    [InlineData("Voorzitter VeiligheidsAlliantie Vicevoorzitter VeiligheidsAlliantie Hoofd VeiligheidsAlliantie Regio Rotterdam Burgemeester Molenlanden")]
    public void IsDebris_TableRowRunTogether_IsDebris(string row) => Assert.True(Sentences.IsDebris(row));

    [Theory]
    [InlineData("Burgemeester Theo Segers heeft hem opgevolgd als de nieuwe voorzitter van de VAR.")]
    [InlineData("Leerhuis Zorg en Veiligheid")]
    [InlineData("De Regionale Mensenhandelmonitor 2024 is nu beschikbaar in de kennisbank")]
    [InlineData("Politie Eenheid Rotterdam Openbaar Ministerie Gemeente Dordrecht Gemeente Maassluis.")]
    public void IsDebris_ProseHeadingOrSentenceWithAMark_IsNot(string text) => Assert.False(Sentences.IsDebris(text));

    [Theory]
    [InlineData("Leerhuis NAVO-Top was op maandag 7 juli 2025. De locatie staat niet in de jaarverslagen.", "Ja. Leerhuis NAVO-Top was op maandag 7 juli 2025.", "De locatie staat niet in de jaarverslagen.")]
    [InlineData("Het thema was ondermijning. Het was op 7 juli 2025.", "Ja. Leerhuis NAVO-Top was op maandag 7 juli 2025.", "Het thema was ondermijning. Het was op 7 juli 2025.")]
    [InlineData("Begroting 2024: € 50.000.", "Jaarrekening 2024: € 377.000.", "Begroting 2024: € 50.000.")]
    public void Unsaid_SecondLead_KeepsOnlyTheSentencesTheFirstDoesNotHold(string text, string said, string expected) =>
        Assert.Equal(expected, Sentences.Unsaid(text, said));
}
