using VarBot.Knowledge.Import;

namespace VarBot.Knowledge.Tests.Import;

/// <summary>Wrapped report text (the 2017 OCR, the 2023 PDF) joined into paragraphs.</summary>
public sealed class ParagraphTests
{
    [Fact]
    public void Split_SentenceCutAfterAPrepositionBeforeADate_IsOneParagraph()
    {
        string[] lines =
        [
            "Het PPER zal een adviserende rol spelen bij de invoering van de Richtlijn die op",
            "",
            "25 mei 2018 in werking treden. De invulling van deze rol volgt later.",
        ];

        var paragraphs = Paragraphs.Split(lines, wrapped: true, new HashSet<int>());

        var paragraph = Assert.Single(paragraphs);
        Assert.Contains("die op 25 mei 2018 in werking treden.", paragraph.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_AgendaRowAfterAFinishedSentence_StartsItsOwnParagraph()
    {
        string[] lines =
        [
            "In 2018 organiseert de VAR de volgende bijeenkomsten voor de regio.",
            "25 mei 2018 Leerhuis",
        ];

        var paragraphs = Paragraphs.Split(lines, wrapped: true, new HashSet<int>());

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("25 mei 2018 Leerhuis", paragraphs[1].Text);
    }
}
