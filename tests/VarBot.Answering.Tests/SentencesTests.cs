using VarBot.Answering.Indexes;

namespace VarBot.Answering.Tests;

/// <summary>What the sentence splitter treats as OCR debris instead of an answer sentence.</summary>
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
}
