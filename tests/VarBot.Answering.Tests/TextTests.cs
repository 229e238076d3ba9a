using VarBot.Answering.Analysis;
using VarBot.Answering.Indexes;

namespace VarBot.Answering.Tests;

public sealed class TextTests
{
    [Theory]
    [InlineData("Thema's Één", "themas een")]
    [InlineData("CISO-bijeenkomsten!", "ciso bijeenkomsten")]
    public void Normalize_MixedText_LowerCaseWithoutDiacriticsOrPunctuation(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input).Trim().Replace("  ", " "));

    [Fact]
    public void Tokens_DutchThousands_StayOneNumber() =>
        Assert.Equal(["420000", "euro"], TextNormalizer.Tokens("420.000 euro"));

    [Theory]
    [InlineData("bijeenkomsten", "bijeenkomst")]
    [InlineData("leerhuizen", "leerhuis")]
    [InlineData("interventies", "interventie")]
    [InlineData("gemeenten", "gemeente")]
    [InlineData("sociale", "sociaal")]
    [InlineData("financiele", "financieel")]
    [InlineData("regionale", "regionaal")]
    [InlineData("brillen", "bril")]
    [InlineData("bussen", "bus")]
    public void Stem_InflectedForms_ShareTheStem(string a, string b) =>
        Assert.Equal(DutchStemmer.Stem(b), DutchStemmer.Stem(a));

    [Theory]
    [InlineData("hoe kwam de VAR naar voren uit de evaluatie", true)]
    [InlineData("wie stond er van voren", false)]
    public void Question_NaarVoren_ReadsAsTheReportsBlijkt(string question, bool blijkt)
    {
        var analyzer = new Analyzer(Vocabulary.Words.Load(), ["evaluatie", "blijkt", "vorm"]);

        Assert.Equal(blijkt, analyzer.Question(question).Tokens.Any(t => t.Text == "blijkt"));
    }

    [Theory]
    [InlineData("grille", "gril")]
    [InlineData("stall", "stal")]
    public void Stem_DoubleConsonantWithoutPluralEn_StaysDouble(string a, string b) =>
        Assert.NotEqual(DutchStemmer.Stem(b), DutchStemmer.Stem(a));

    [Theory]
    [InlineData("buurtpreventieteams", "buurtpreventie", "teams")]
    [InlineData("voorjaarsbijeenkomst", "voorjaar", "bijeenkomst")]
    public void Question_UnknownCompoundOfKnownWords_ReadsAsFirstWordWithTheRestForSearch(string compound, string first, string rest)
    {
        var analyzer = new Analyzer(Vocabulary.Words.Load(), ["buurtpreventie", "teams", "voorjaar", "bijeenkomst"]);

        var token = Assert.Single(analyzer.Question(compound).Tokens);

        Assert.Equal(first, token.Text);
        Assert.Equal(rest, token.CompoundRest?.Text);
    }

    [Theory]
    [InlineData("het novemberleerhuis van 2024", "het november leerhuis van 2024")]
    [InlineData("de maartbijeenkomst", "de maart bijeenkomst")]
    public void Question_UnknownCompoundStartingWithAMonth_ReadsAsTheMonthAndItsNoun(string question, string expected)
    {
        var analyzer = new Analyzer(Vocabulary.Words.Load(), ["leerhuis", "bijeenkomst"]);

        var tokens = analyzer.Question(question).Tokens;

        Assert.Equal(expected, string.Join(' ', tokens.Select(t => t.Text)));
        Assert.All(tokens, t => Assert.Null(t.CompoundRest));
    }

    [Fact]
    public void Question_UnknownCompoundStartingWithASeason_KeepsItsRestForSearchOnly()
    {
        var token = Assert.Single(new Analyzer(Vocabulary.Words.Load(), ["voorjaar", "bijeenkomst"]).Question("voorjaarsbijeenkomst").Tokens);

        Assert.Equal("voorjaar", token.Text);
        Assert.Equal("bijeenkomst", token.CompoundRest?.Text);
    }

    [Theory]
    [InlineData("voorjaars- en najaarscarrousel", "voorjaarscarrousel en najaarscarrousel")]
    [InlineData("Zorg- en Veiligheidsconferentie", "zorg en veiligheidsconferentie")]
    public void Question_SharedEndLeftOut_ReadWholeOnlyWhenTheReportsUseTheWholeWord(string question, string expected)
    {
        var analyzer = new Analyzer(Vocabulary.Words.Load(), ["voorjaarscarrousel", "najaarscarrousel", "zorg", "veiligheid", "veiligheidsconferentie", "conferentie", "najaar", "carrousel"]);

        Assert.Equal(expected, string.Join(' ', analyzer.Question(question).Tokens.Select(t => t.Text)));
    }

    [Theory]
    [InlineData("introductiedossiers", "introductiedossiers of inwerkdossier")]
    [InlineData("introductiebijeenkomst", "introductie of inwerkdossier")]
    public void Question_SharedEndLeftOutOfAWordWithNoKnownFirstPart_ReadWholeInAnotherFormOfTheReports(string reportWord, string expected)
    {
        var analyzer = new Analyzer(Vocabulary.Words.Load(), [reportWord, "inwerkdossier", "introductie", "dossier"]);

        Assert.Equal(expected, string.Join(' ', analyzer.Question("introductie- of inwerkdossier").Tokens.Select(t => t.Text)));
    }

    [Theory]
    [InlineData("de GVB's van 2023", "de gvb van 2023")]
    [InlineData("de thema's van 2023", "de themas van 2023")]
    public void Question_ApostrophePluralOfAKnownWord_ReadsAsTheWord(string question, string expected) =>
        Assert.Equal(expected, string.Join(' ', new Analyzer(Vocabulary.Words.Load(), ["gvb", "themas"]).Question(question).Tokens.Select(t => t.Text)));

    [Theory]
    [InlineData("Wat bracht de VAR uit ter ere van 10 jaar VAR?", "wat uitgebracht de var ter ere van 10 jaar var")]
    [InlineData("Hoeveel schoof er van 2023 door naar 2024?", "hoeveel doorgeschoven er van 2023 naar 2024")]
    [InlineData("Wie nemen er deel aan het platform?", "wie deelnemen er aan het platform")]
    public void Question_SeparableVerbWithItsParticleLater_ReadsAsTheOneWordTheReportsWrite(string question, string expected) =>
        Assert.Equal(expected, string.Join(' ', new Analyzer(Vocabulary.Words.Load(), ["var", "ere", "platform"]).Question(question).Tokens.Select(t => t.Text)));

    [Theory]
    [InlineData("Welke campagnes ontwikkelt de VAR in 2026 verder?", "welke campagnes doorontwikkeling de var in 2026")]
    [InlineData("Welke campagnes worden verder ontwikkeld?", "welke campagnes worden doorontwikkeling")]
    [InlineData("Welke campagnes ontwikkelt de VAR?", "welke campagnes ontwikkelt de var")]
    public void Question_DevelopedFurther_ReadsAsTheOneWordTheReportsWriteButDevelopedAloneStaysItself(string question, string expected) =>
        Assert.Equal(expected, string.Join(' ', new Analyzer(Vocabulary.Words.Load(), ["var", "campagnes", "ontwikkelt", "worden"]).Question(question).Tokens.Select(t => t.Text)));

    [Theory]
    [InlineData("Wie bracht de folder uit de regio mee?", "wie bracht de folder uit de regio mee")]
    [InlineData("Wat kwam er uit de monitor?", "wat kwam er uit de monitor")]
    public void Question_ParticleBeforeAnArticleOrAnotherVerb_StaysAPreposition(string question, string expected) =>
        Assert.Equal(expected, string.Join(' ', new Analyzer(Vocabulary.Words.Load(), ["folder", "regio", "monitor"]).Question(question).Tokens.Select(t => t.Text)));

    [Theory]
    [InlineData("een kernteam bestaande uit een coördinator", "een kernteam bestaandeuit een coordinator")]
    [InlineData("met bestaande interventies uit de regio", "met bestaande interventies uit de regio")]
    public void Passage_ConsistingOf_ReadsAsOneWordButExistingStaysItself(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', new Analyzer(Vocabulary.Words.Load(), ["kernteam", "coordinator", "interventies"]).Passage(text).Tokens.Select(t => t.Text)));

    [Fact]
    public void Synonyms_NumberWordAndItsDigits_FindEachOther()
    {
        var analyzer = new Analyzer(Vocabulary.Words.Load(), ["tien", "10"]);

        Assert.Contains("10", analyzer.Synonyms(Analyzer.Stem("tien")));
        Assert.Contains(Analyzer.Stem("tien"), analyzer.Synonyms("10"));
    }

    [Fact]
    public void Synonyms_PayingVerb_FindsTheWordsThatSayItIsFreeButNotTheCosts()
    {
        var analyzer = new Analyzer(Vocabulary.Words.Load(), ["betalen", "kosteloos", "gratis", "kosten"]);

        Assert.Contains(Analyzer.Stem("kosteloos"), analyzer.Synonyms(Analyzer.Stem("betalen")));
        Assert.Contains(Analyzer.Stem("gratis"), analyzer.Synonyms(Analyzer.Stem("betalen")));
        Assert.DoesNotContain(Analyzer.Stem("kosten"), analyzer.Synonyms(Analyzer.Stem("betalen")));
    }

    [Theory]
    [InlineData("een lijstje met tips", "een lijst met tips")]
    [InlineData("geen sms'jes meer", "geen sms meer")]
    public void Question_UnknownDiminutive_ReadsAsItsKnownBase(string question, string expected) =>
        Assert.Equal(expected, string.Join(' ', new Analyzer(Vocabulary.Words.Load(), ["lijst", "tips", "sms", "geen", "meer"]).Question(question).Tokens.Select(t => t.Text)));

    [Fact]
    public void Question_KnownWordInADiminutiveEnding_StaysItself() =>
        Assert.Equal("het meisje", string.Join(' ', new Analyzer(Vocabulary.Words.Load(), ["meisje", "meis"]).Question("het meisje").Tokens.Select(t => t.Text)));

    [Fact]
    public void Synonyms_FraudOnTheElderly_FindsTheReportsWordsButParentsFindNoSeniors()
    {
        var analyzer = new Analyzer(Vocabulary.Words.Load(), ["oplichting", "babbeltrucs", "senioren", "ouwere", "ouders"]);

        Assert.Contains(Analyzer.Stem("babbeltrucs"), analyzer.Synonyms(Analyzer.Stem("oplichting")));
        Assert.Contains(Analyzer.Stem("senioren"), analyzer.Synonyms(Analyzer.Stem("ouwere")));
        Assert.DoesNotContain(Analyzer.Stem("senioren"), analyzer.Synonyms(Analyzer.Stem("ouders")));
    }

    [Fact]
    public void Synonyms_ArticleEen_IsNoNumber() =>
        Assert.DoesNotContain("1", new Analyzer(Vocabulary.Words.Load(), ["een"]).Synonyms(Analyzer.Stem("een")));

    [Fact]
    public void Question_UnknownWordOfNoKnownParts_StaysOneWord() =>
        Assert.Null(Assert.Single(new Analyzer(Vocabulary.Words.Load(), ["buurtpreventie"]).Question("xyzqwertyvbn").Tokens).CompoundRest);

    [Fact]
    public void Stem_DifferentWords_StayDifferent() =>
        Assert.NotEqual(DutchStemmer.Stem("begroting"), DutchStemmer.Stem("jaarrekening"));

    [Theory]
    [InlineData("leerhuiss", "leerhuis", 1)]
    [InlineData("begorting", "begroting", 1)]
    [InlineData("najaarscarousel", "najaarscarrousel", 1)]
    [InlineData("abc", "xyz", 3)]
    public void Distance_Typos_CountsEditsWithTransposition(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Distance(a, b, 3));

    [Fact]
    public void Limit_ShortWords_AllowNoEdits() => Assert.Equal(0, EditDistance.Limit(4));

    [Fact]
    public void NumberedItems_InlineEnumeration_LeadAndEachItem()
    {
        var list = Sentences.NumberedItems("In dit plan worden vier sporen onderscheiden, te weten: 1. Meer inzicht in cybercrime, 2. Eigen huis op orde, "
            + "3. Preventietips voor MKB-ondernemers en 4. Preventietips voor bewoners.");

        Assert.NotNull(list);
        Assert.Equal("In dit plan worden vier sporen onderscheiden, te weten:", list.Value.Lead);
        Assert.Equal(["Meer inzicht in cybercrime", "Eigen huis op orde", "Preventietips voor MKB-ondernemers", "Preventietips voor bewoners"], list.Value.Items);
    }

    [Theory]
    [InlineData("Er waren 2. en 3. plaatsen te vergeven.")]
    [InlineData("1. Femicide is het eerste onderwerp.")]
    [InlineData("Het budget steeg met 1. 5 procent.")]
    public void NumberedItems_NoListAfterALeadIn_Null(string sentence) => Assert.Null(Sentences.NumberedItems(sentence));
}
