using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VarBot.Answering.Vocabulary;

/// <summary>
/// The Dutch vocabulary of the engine, read once from the embedded Vocabulary/*.yaml files. C# decides nothing from a
/// Dutch word: every word that steers extraction or routing is listed here.
/// </summary>
internal sealed class Words
{
    public required LanguageWords Language { get; init; }
    public required TimeWords Time { get; init; }
    public required EventWords Events { get; init; }
    public required BudgetWords Budget { get; init; }
    public required OrganisationWords Organisation { get; init; }
    public required ThemeWords Themes { get; init; }
    public required ConversationWords Conversation { get; init; }
    public required MonitoringWords Monitoring { get; init; }
    public required NewsWords News { get; init; }

    private static readonly Lazy<Words> Shared = new(() => new Words
    {
        Language = Resources.ReadYaml<LanguageWords>("language.yaml"),
        Time = Resources.ReadYaml<TimeWords>("time.yaml"),
        Events = WithFacetWords(Resources.ReadYaml<EventWords>("events.yaml")),
        Budget = Resources.ReadYaml<BudgetWords>("budget.yaml"),
        Organisation = Resources.ReadYaml<OrganisationWords>("organisation.yaml"),
        Themes = Resources.ReadYaml<ThemeWords>("themes.yaml"),
        Conversation = Resources.ReadYaml<ConversationWords>("conversation.yaml"),
        Monitoring = Resources.ReadYaml<MonitoringWords>("monitoring.yaml"),
        News = Resources.ReadYaml<NewsWords>("news.yaml"),
    });

    public static Words Load() => Shared.Value;

    /// <summary>The words that ask for a part of a meeting's content, and every event type's words, each in one set.</summary>
    private static EventWords WithFacetWords(EventWords events)
    {
        events.FacetWords.UnionWith(events.Facets.SelectMany(f => f.Asked.Concat(f.AskedLast)));
        events.TypeWords.UnionWith(events.EventTypes.Values.SelectMany(v => v));
        return events;
    }
}

internal sealed class LanguageWords
{
    public HashSet<string> Stopwords { get; set; } = [];
    public List<List<string>> Synonyms { get; set; } = [];
    public Dictionary<string, int> Numbers { get; set; } = [];
    public Dictionary<string, int> Ordinals { get; set; } = [];
    public List<string> Months { get; set; } = [];
    public Dictionary<string, int> MonthAbbreviations { get; set; } = [];
    public List<string> MonthSpanJoiners { get; set; } = [];
    public HashSet<string> WhenWords { get; set; } = [];
    public HashSet<string> WhereWords { get; set; } = [];
    public HashSet<string> WhoWords { get; set; } = [];
    public HashSet<string> PayingWords { get; set; } = [];
    public HashSet<string> PayerStarts { get; set; } = [];
    public HashSet<string> PaidWords { get; set; } = [];
    public HashSet<string> FundingWords { get; set; } = [];
    public List<string> WhoPhrases { get; set; } = [];
    public List<string> CountWords { get; set; } = [];
    public HashSet<string> WhyWords { get; set; } = [];
    public HashSet<string> SourceWords { get; set; } = [];
    public HashSet<string> OutcomeWords { get; set; } = [];
    public List<string> OutcomePhrases { get; set; } = [];
    public HashSet<string> OutcomeTextWords { get; set; } = [];
    public HashSet<string> OutsideWords { get; set; } = [];

    /// <summary>"steekincidenten of wapens": a word between two search words that asks about either.</summary>
    public HashSet<string> AlternativeWords { get; set; } = [];

    /// <summary>"Wat is naast X het andere thema?": words that ask for another one than the question names.</summary>
    public HashSet<string> OtherWords { get; set; } = [];

    public HashSet<string> YesNoStarts { get; set; } = [];
    public HashSet<string> PastWords { get; set; } = [];
    public HashSet<string> EnglishWords { get; set; } = [];

    /// <summary>Words after which a sentence names the things it counted ("vijf gemeenten, namelijk ...").</summary>
    public HashSet<string> NamingWords { get; set; } = [];

    /// <summary>"uit Dordrecht en Rotterdam": words after which a capitalised word is a place, not a person's name.</summary>
    public HashSet<string> PlacePrepositions { get; set; } = [];

    /// <summary>"uit Dordrecht en Rotterdam": words that join a further place to a place just named.</summary>
    public HashSet<string> PlaceJoiners { get; set; } = [];

    /// <summary>English words and phrases in Dutch ("" drops the word): an English question that writes the reports' own Dutch terms is read in Dutch.</summary>
    public Dictionary<string, string> EnglishGlossary { get; set; } = [];
    public HashSet<string> SqlWords { get; set; } = [];
    public List<string> PartJoiners { get; set; } = [];
    public HashSet<string> ReasonWords { get; set; } = [];
    public HashSet<string> Abbreviations { get; set; } = [];
    public HashSet<string> BackReferenceWords { get; set; } = [];

    /// <summary>First words of a sentence about the asker ("Ik ben net begonnen bij ..."): such a sentence before the question is no part of it.</summary>
    public HashSet<string> AskerWords { get; set; } = [];

    /// <summary>Words that open a closing clause about the asker when an asker word follows ("waar ik ...").</summary>
    public HashSet<string> AskerClauseStarts { get; set; } = [];

    /// <summary>A word between a count word and what it counts out of a named group ("hoeveel van die Leerhuizen").</summary>
    public HashSet<string> CountPartitives { get; set; } = [];

    /// <summary>Words opening a closing clause that, with an asker word and a wish word in it, says what the asker wants to do.</summary>
    public HashSet<string> AskerWishClauseStarts { get; set; } = [];

    /// <summary>Wish words of such a clause ("als ik iemand wil aanspreken").</summary>
    public HashSet<string> AskerWishWords { get; set; } = [];

    /// <summary>Closing words that say the words before them restate what is asked ("het hoofd bedoel ik"), as phrases.</summary>
    public List<string> RestatingClosingPhrases { get; set; } = [];

    /// <summary><see cref="RestatingClosingPhrases"/> as words, longest first.</summary>
    [YamlIgnore]
    public IReadOnlyList<string[]> RestatingClosings => _restatingClosings ??= [.. RestatingClosingPhrases.Select(Analysis.TextNormalizer.PhraseTokens).OrderByDescending(p => p.Length)];
    private IReadOnlyList<string[]>? _restatingClosings;
    public HashSet<string> IndirectPrepositions { get; set; } = [];

    /// <summary>Words of a frequency ("maandelijks", "tweemaal"): they answer "hoe vaak".</summary>
    public HashSet<string> FrequencyWords { get; set; } = [];

    /// <summary>"welk": a which-word that asks for one thing (a list does not answer it).</summary>
    public HashSet<string> SingleWhichWords { get; set; } = [];
    public HashSet<string> BothWords { get; set; } = [];
    public HashSet<string> BothAndWords { get; set; } = [];

    /// <summary>Phrases read as one token, in questions and reports alike ("j en v" -> "jenv").</summary>
    public Dictionary<string, string> JoinedPhrases { get; set; } = [];

    /// <summary>Short forms users type and the words they stand for ("gem." is "gemeenten").</summary>
    public Dictionary<string, string> QuestionAbbreviations { get; set; } = [];

    /// <summary>
    /// Separable verbs split in a question ("wat bracht de VAR uit"): the verb, and per particle the one word the reports
    /// write ("uitgebracht").
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> SeparableVerbs { get; set; } = [];

    /// <summary>Words right after a particle that make it a preposition, not the end of a separable verb ("uit de regio").</summary>
    public HashSet<string> ParticleNotBefore { get; set; } = [];

    /// <summary>Endings of a diminutive ("lijst-je", "sms-jes"), longest first: an unknown word so ended is its known base.</summary>
    public List<string> DiminutiveEndings { get; set; } = [];

    /// <summary>Letters between the two words of a compound ("voorjaar-s-bijeenkomst").</summary>
    public List<string> CompoundLinks { get; set; } = [];
    public HashSet<string> WhichWords { get; set; } = [];
    public List<string> PartPrepositions { get; set; } = [];
    public List<string> PartQuestionWords { get; set; } = [];
    public List<string> DurationWords { get; set; } = [];
    public List<string> DefinitionStarts { get; set; } = [];
    public List<string> OwnDefinitionStarts { get; set; } = [];
    public HashSet<string> DefinitionFillers { get; set; } = [];

    /// <summary>"Wat is de Veiligheidsmonitor voor onderzoek?": a word after the subject that names the kind of thing asked.</summary>
    public HashSet<string> DefinitionKindWords { get; set; } = [];
    public HashSet<string> DefinitionVerbs { get; set; } = [];
    /// <summary>Words that say what kind of thing an acronym names ("het AVE-model").</summary>
    public HashSet<string> AcronymKindWords { get; set; } = [];

    public HashSet<string> AcronymAskWords { get; set; } = [];
    public HashSet<string> CourtesyStarts { get; set; } = [];
    public List<string> PurposeStarts { get; set; } = [];

    /// <summary>Openers that with a purpose noun after them open a purpose clause ("Voor de commissie: ...").</summary>
    public List<string> PurposeNounOpeners { get; set; } = [];

    /// <summary>Nouns of a purpose clause after a <see cref="PurposeNounOpeners"/> opener.</summary>
    public HashSet<string> PurposeNouns { get; set; } = [];
    public HashSet<string> DescriptionVerbs { get; set; } = [];
    public HashSet<string> OwnNames { get; set; } = [];
    public HashSet<string> DurationUnits { get; set; } = [];
}

internal sealed class TimeWords
{
    public Dictionary<string, int> RelativeYears { get; set; } = [];
    public List<string> YearSpanWords { get; set; } = [];
    public Dictionary<string, int> ContextYears { get; set; } = [];
    public Dictionary<string, int> RelativeMonths { get; set; } = [];
    public Dictionary<string, int> RelativeDays { get; set; } = [];
    public Dictionary<string, int> RelativeWeeks { get; set; } = [];
    public HashSet<string> InPrefix { get; set; } = [];
    public Dictionary<string, int> Units { get; set; } = [];
    public HashSet<string> AgoWords { get; set; } = [];
    public HashSet<string> YearUnits { get; set; } = [];
    public string[] YearNameEndings { get; set; } = [];
    public Dictionary<string, List<int>> Seasons { get; set; } = [];
    public HashSet<string> ThisWords { get; set; } = [];
    public HashSet<string> PreviousWords { get; set; } = [];
    public Dictionary<string, int> RelativeQuarters { get; set; } = [];
    public HashSet<string> NextWords { get; set; } = [];
    public List<string> NextPhrases { get; set; } = [];
    public HashSet<string> SingleNextWords { get; set; } = [];
    public HashSet<string> PreviousWordsEvent { get; set; } = [];
    public HashSet<string> FirstWords { get; set; } = [];
    public HashSet<string> LastWords { get; set; } = [];
    public HashSet<string> UpcomingWords { get; set; } = [];
    public HashSet<string> AfterWords { get; set; } = [];

    /// <summary>Openers of a meeting that what is asked comes after ("na het Leerhuis van 6 juli").</summary>
    public List<string> AfterEventPhrases { get; set; } = [];
    public HashSet<string> BeforeWords { get; set; } = [];
    public HashSet<string> BeforePersonWords { get; set; } = [];
    public HashSet<string> AfterPersonWords { get; set; } = [];
    public List<string> NowPhrases { get; set; } = [];
    public HashSet<string> NowNotBefore { get; set; } = [];
    public List<string> CorrectionPhrases { get; set; } = [];
    public HashSet<string> TextTimeWords { get; set; } = [];
}

internal sealed class EventWords
{
    public Dictionary<string, List<string>> EventTypes { get; set; } = [];
    public Dictionary<string, List<string>> SeasonTitles { get; set; } = [];
    public HashSet<string> AgendaWords { get; set; } = [];

    /// <summary>"Kwam daar nog een vervolg op?": words that ask what followed a meeting.</summary>
    public HashSet<string> SequelWords { get; set; } = [];

    /// <summary>Words before an agenda word that make it a document's name ("strategische agenda").</summary>
    public HashSet<string> DocumentAgendaWords { get; set; } = [];

    /// <summary>Agenda words that ask one meeting ("welke bijeenkomst komt er daarna?").</summary>
    public HashSet<string> SingleAgendaWords { get; set; } = [];
    public HashSet<string> DetailWords { get; set; } = [];
    public HashSet<string> CourseWords { get; set; } = [];
    /// <summary>Who came to a meeting ("hoeveel mensen waren er?"): a count of these after a meeting's answer is about that meeting.</summary>
    public HashSet<string> AttendanceWords { get; set; } = [];
    public HashSet<string> TimeOfDayWords { get; set; } = [];

    /// <summary>Time-of-day words that ask a clock time ("hoe laat"), which a part of the day does not answer.</summary>
    public HashSet<string> ClockTimeWords { get; set; } = [];
    public HashSet<string> PluralWords { get; set; } = [];
    public HashSet<string> ThemeAskedWords { get; set; } = [];

    /// <summary>Two words that ask an event's topic together ("waar ging het Leerhuis over?"): the first opens the question.</summary>
    public List<List<string>> ThemeAskedPairs { get; set; } = [];
    public List<EventFacet> Facets { get; set; } = [];
    /// <summary>Every word of <see cref="Facets"/> that asks for a part (with an event named, it asks about the event's content).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public HashSet<string> FacetWords { get; } = [];

    /// <summary>Every word of <see cref="EventTypes"/>, of any type.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public HashSet<string> TypeWords { get; } = [];
}

/// <summary>A part of a meeting's content (its themes, speakers, form, place): the words that ask for it and that write it.</summary>
internal sealed class EventFacet
{
    public string Name { get; set; } = "";
    public HashSet<string> Asked { get; set; } = [];
    public HashSet<string> AskedLast { get; set; } = [];
    /// <summary>Phrases that ask for the part wherever they stand ("met wie").</summary>
    public List<string> AskedPhrases { get; set; } = [];
    public HashSet<string> Text { get; set; } = [];
    public HashSet<string> NameAfter { get; set; } = [];
    public bool NeedsName { get; set; }
    /// <summary>The event's topic in the model answers the part.</summary>
    public bool ByTopic { get; set; }
    /// <summary>The event's place in the model answers the part.</summary>
    public bool ByPlace { get; set; }
    /// <summary>What later reports say after a planned meeting answers the part (did it go ahead).</summary>
    public bool ByStatus { get; set; }
}

internal sealed class BudgetWords
{
    /// <summary>Verbs that go with a comparison word and name no topic ("hoeveel is dat erbij gekomen?").</summary>
    public HashSet<string> CompareFillers { get; set; } = [];

    /// <summary>Words right before the year a comparison is made with ("dan vorig jaar"), normalised phrases.</summary>
    public HashSet<string> CompareTargetWords { get; set; } = [];
    public HashSet<string> MoneyWords { get; set; } = [];
    public HashSet<string> WeakMoneyWords { get; set; } = [];
    public HashSet<string> AmountOnlyMoneyWords { get; set; } = [];
    public HashSet<string> PlaceholderWords { get; set; } = [];
    public HashSet<string> AmountOpenings { get; set; } = [];
    public HashSet<string> JaarrekeningWords { get; set; } = [];
    public HashSet<string> PerfectParticiples { get; set; } = [];
    public HashSet<string> PerfectAuxiliaries { get; set; } = [];
    public HashSet<string> BegrotingWords { get; set; } = [];
    public HashSet<string> ExpenseWords { get; set; } = [];
    public HashSet<string> IncomeWords { get; set; } = [];
    public HashSet<string> TotalWords { get; set; } = [];

    /// <summary>Money words that end a compound with a line's word ("monitoringkosten"): the compound is read as both words.</summary>
    public HashSet<string> CompoundHeads { get; set; } = [];

    /// <summary>Words that add up the lines named ("... VAR en mensenhandel samen").</summary>
    public HashSet<string> TogetherWords { get; set; } = [];

    /// <summary>Words that put the next line inside the total asked ("inclusief de doorlopende projecten"): that line is not itself asked.</summary>
    public HashSet<string> InclusionWords { get; set; } = [];
    public HashSet<string> BreakdownWords { get; set; } = [];
    /// <summary>Phrases that compare the accounts with the budget ("binnen de begroting").</summary>
    public List<string> ComparePhrases { get; set; } = [];

    public HashSet<string> CompareWords { get; set; } = [];
    public HashSet<string> ShareWords { get; set; } = [];
    public HashSet<string> NegationWords { get; set; } = [];

    /// <summary>Phrases that leave the line right after them out ("los van mensenhandel").</summary>
    public List<string> NegationPhrases { get; set; } = [];
    public HashSet<string> ReadableAmountTexts { get; set; } = [];
    public List<BudgetLineWords> Lines { get; set; } = [];
    public HashSet<string> PayerWords { get; set; } = [];
    public HashSet<string> GroupKeys { get; set; } = [];
    public HashSet<string> PerWords { get; set; } = [];
    public HashSet<string> NotMoneyWith { get; set; } = [];
    public Dictionary<string, HashSet<string>> MoneyIdioms { get; set; } = [];
    public HashSet<string> SubtotalWords { get; set; } = [];

    /// <summary>Words that ask a price or an amount ("wat kost het om ... te lenen"): only a sentence with an amount answers.</summary>
    public HashSet<string> AmountWords { get; set; } = [];

    /// <summary>How an amount is written in a sentence (the euro sign, "euro").</summary>
    public List<string> AmountMarks { get; set; } = [];
}

internal sealed class BudgetLineWords
{
    public string Key { get; set; } = "";
    public List<string> Words { get; set; } = [];
}

internal sealed class OrganisationWords
{
    /// <summary>Words before an organisation name that make it the receiver of the money asked ("aan het Veiligheidshuis").</summary>
    public HashSet<string> RecipientWords { get; set; } = [];

    public Dictionary<string, List<string>> Roles { get; set; } = [];
    public List<string> PersonRoles { get; set; } = [];
    /// <summary>"Sinds wanneer?": the first report that names the person in the role.</summary>
    public HashSet<string> SinceWords { get; set; } = [];
    public List<string> CountRoles { get; set; } = [];
    public HashSet<string> FillerWords { get; set; } = [];
    public HashSet<string> PersonRoleWords { get; set; } = [];
    public HashSet<string> FuturePersonWords { get; set; } = [];
    public Dictionary<string, List<string>> OtherOrganisations { get; set; } = [];
    public HashSet<string> OwnershipWords { get; set; } = [];
    public HashSet<string> OwnerNouns { get; set; } = [];
    /// <summary>A role whose question another role's fact answers ("wie zijn de partners": the membership sentence).</summary>
    public Dictionary<string, Knowledge.Model.OrganisationFactKind> AnsweredAs { get; set; } = [];

    /// <summary>The role a "wie" question about the organisation itself asks when it names no role ("wie zitten er in de VAR?").</summary>
    public Knowledge.Model.OrganisationFactKind? WhoAboutOwnName { get; set; }

    /// <summary>The only other words such a question may have (being part of, taking part).</summary>
    public HashSet<string> MembershipWords { get; set; } = [];
}

internal sealed class ThemeWords
{
    public Dictionary<string, List<string>> ThemeAliases { get; set; } = [];

    /// <summary>Theme words that name one topic within the theme ("femicide"): the question asks about that topic, not the theme.</summary>
    public HashSet<string> SubtopicWords { get; set; } = [];
    public HashSet<string> ThemeListWords { get; set; } = [];
    public HashSet<string> DoneWords { get; set; } = [];
    public HashSet<string> PlannedWords { get; set; } = [];
    public HashSet<string> PlanAskedWords { get; set; } = [];
    public HashSet<string> DoneAskedWords { get; set; } = [];

    /// <summary>Words that ask what something yielded ("wat heeft het opgeleverd?"): what was done answers, not a plan.</summary>
    public HashSet<string> ResultAskedWords { get; set; } = [];

    /// <summary>Words with which a report says a theme ended ("te laten vervallen").</summary>
    public HashSet<string> ThemeEndedWords { get; set; } = [];
    public HashSet<string> ActivityWords { get; set; } = [];
}

internal sealed class ConversationWords
{
    public Dictionary<string, List<string>> SmallTalk { get; set; } = [];
    public HashSet<string> SmallTalkFillers { get; set; } = [];
    public HashSet<string> CourtesyWords { get; set; } = [];
    public HashSet<string> ClosingWords { get; set; } = [];

    /// <summary>Openers that start a new topic ("Iets heel anders: ..."): the question does not continue the previous answer.</summary>
    public HashSet<string> OpeningWords { get; set; } = [];
    public List<string> TopicShiftPhrases { get; set; } = [];

    /// <summary>Words that make a leading clause a remark on the question itself ("Misschien een domme vraag, maar ...").</summary>
    public HashSet<string> HedgeWords { get; set; } = [];
    public HashSet<string> HedgeJoiners { get; set; } = [];
    public HashSet<string> FollowUpStarts { get; set; } = [];
    public HashSet<string> BackReferences { get; set; } = [];
    public HashSet<string> SubjectReferences { get; set; } = [];

    /// <summary>Words that ask what happens to the subject of the meeting just answered ("wat gebeurt daar mee?").</summary>
    public HashSet<string> SubjectFateWords { get; set; } = [];

    public HashSet<string> EventReferences { get; set; } = [];
    public HashSet<string> ClosingReferences { get; set; } = [];
    public HashSet<string> PersonReferences { get; set; } = [];
    public HashSet<string> TimeReferences { get; set; } = [];
    public HashSet<string> MoreWords { get; set; } = [];
    public List<string> MorePhrases { get; set; } = [];
}

internal sealed class MonitoringWords
{
    public Dictionary<string, List<string>> Kinds { get; set; } = [];
    public HashSet<string> EditionWords { get; set; } = [];

    /// <summary>"het GVB over heel 2025": words that ask a whole year's edition.</summary>
    public HashSet<string> WholeYearWords { get; set; } = [];

    /// <summary>Title words of an edition about a part of a year ("eerste helft").</summary>
    public HashSet<string> PartYearWords { get; set; } = [];
}

internal sealed class NewsWords
{
    public HashSet<string> ItemWords { get; set; } = [];
    public HashSet<string> PublishWords { get; set; } = [];
    public HashSet<string> LatestWords { get; set; } = [];
    public HashSet<string> PluralWords { get; set; } = [];
}

internal static class Resources
{
    public static T ReadYaml<T>(string fileName)
    {
        var assembly = typeof(Resources).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} not found.");
        using var reader = new StreamReader(stream);
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        return deserializer.Deserialize<T>(reader);
    }
}
