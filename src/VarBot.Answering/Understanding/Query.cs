using VarBot.Answering.Analysis;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Understanding;

/// <summary>What a question shows, as flags the route table reads. Each flag is set by the extractor from the vocabulary.</summary>
[Flags]
internal enum Signals : long
{
    None = 0,
    Empty = 1L << 0,
    TooLong = 1L << 1,
    NoWords = 1L << 2,
    Code = 1L << 3,
    English = 1L << 4,
    SmallTalk = 1L << 5,
    More = 1L << 6,
    OtherOrg = 1L << 7,
    FuturePerson = 1L << 8,
    Money = 1L << 9,
    MoneyOnly = 1L << 10,
    Compare = 1L << 11,
    Breakdown = 1L << 12,
    Share = 1L << 13,
    Total = 1L << 14,
    BudgetLine = 1L << 15,
    TwoYears = 1L << 16,
    EventType = 1L << 17,
    EventNamed = 1L << 18,
    When = 1L << 19,
    Where = 1L << 20,
    Who = 1L << 21,
    Count = 1L << 22,
    Agenda = 1L << 23,
    RelativeDay = 1L << 24,
    Period = 1L << 25,
    Next = 1L << 26,
    Previous = 1L << 27,
    First = 1L << 28,
    Last = 1L << 29,
    Ordinal = 1L << 30,
    YesNo = 1L << 31,
    EventDetail = 1L << 32,
    Theme = 1L << 33,
    ThemeList = 1L << 34,
    Activity = 1L << 35,
    Done = 1L << 36,
    Planned = 1L << 37,
    Role = 1L << 38,
    RoleOnly = 1L << 39,
    PersonName = 1L << 40,
    PersonDetail = 1L << 41,
    Monitoring = 1L << 42,
    Content = 1L << 43,
    FollowUpStart = 1L << 44,
    BackReference = 1L << 45,
    Year = 1L << 46,
    Past = 1L << 47,
    TimeOfDay = 1L << 48,
    Why = 1L << 49,
    /// <summary>A count question that counts events ("hoeveel Leerhuizen").</summary>
    CountEvents = 1L << 50,
    /// <summary>An event type named in the plural ("welke Leerhuizen"): a list is asked.</summary>
    Plural = 1L << 51,
    /// <summary>A question about an event's theme or topic ("wat is het thema van ...").</summary>
    ThemeAsked = 1L << 52,
    /// <summary>"en die daarna?": the event after the one just answered.</summary>
    After = 1L << 53,
    /// <summary>"en die ervoor?": the event before the one just answered.</summary>
    Before = 1L << 54,
    /// <summary>"het subtotaal van de uitgaven": a side's subtotal line is asked.</summary>
    Subtotal = 1L << 55,
    /// <summary>"hij", "zij": the person of the previous answer.</summary>
    PersonReference = 1L << 56,
    /// <summary>"toen": the time of the previous answer.</summary>
    TimeReference = 1L << 57,
    /// <summary>"hoe lang", "hoeveel jaar": a length of time is asked.</summary>
    Duration = 1L << 58,
    /// <summary>"Wat is de Veiligheidsmonitor?": what something is.</summary>
    Definition = 1L << 59,
    /// <summary>"op dit moment", "nu": the present is asked, not the year of the previous answer.</summary>
    Now = 1L << 60,
    /// <summary>"wat is de uitkomst van ...": the outcome of something is asked.</summary>
    Outcome = 1L << 61,
    /// <summary>"wat betalen de gemeenten aan het Veiligheidshuis": another organisation receives the money asked.</summary>
    OtherRecipient = 1L << 62,
    /// <summary>"onder welke groepen?", "met wie?": a preposition and a question word start the question.</summary>
    DetailStart = unchecked((long)(1UL << 63)),
}

/// <summary>A window of dates the question names: a day, a week, a month, a season, a quarter.</summary>
internal sealed record DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    public bool IsDay => From == To;
}

internal enum SmallTalkKind
{
    Greeting,
    Thanks,
    Who,
    Bye,
    Help,
}

/// <summary>
/// Extract stage: everything the question names, typed and immutable. Years and date windows are already resolved
/// against the date the question is asked on.
/// </summary>
internal sealed record Query
{
    public required AnalysedText Text { get; init; }
    public required DateOnly Today { get; init; }
    public Signals Signals { get; init; }
    /// <summary>Years named or implied ("vorig jaar"), in the order of the question.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];
    /// <summary>A date window named ("morgen", "in maart", "dit voorjaar", "over twee weken").</summary>
    public DateRange? Range { get; init; }
    /// <summary>"die van september": the range's month or season was named without a year (a follow-up takes the previous year).</summary>
    public bool RangeYearImplied { get; init; }
    /// <summary>The word that named a day relative to today ("morgen"), for the answer's wording.</summary>
    public string? DayWord { get; init; }
    /// <summary>A year relative to the previous answer's year ("het jaar daarna" = +1).</summary>
    public int? YearShift { get; init; }
    /// <summary>"van 2023 tot en met 2026": <see cref="Years"/> holds every year of a span.</summary>
    public bool YearSpan { get; init; }
    public int? Ordinal { get; init; }
    public IReadOnlyList<EventType> EventTypes { get; init; } = [];
    /// <summary>A season in an event's title ("voorjaar" in "Voorjaarscarrousel").</summary>
    public string? TitleSeason { get; init; }
    /// <summary>The event a follow-up points back to ("wanneer was die?").</summary>
    public string? EventId { get; init; }
    public string? ThemeId { get; init; }
    public string? FormerThemeId { get; init; }
    public IReadOnlyList<string> LineKeys { get; init; } = [];
    public IReadOnlyList<string> NegatedLineKeys { get; init; } = [];
    /// <summary>True when lines are named only as included in a total ("het budget inclusief de doorlopende projecten").</summary>
    public bool IncludesLines { get; init; }
    public BudgetKind? Kind { get; init; }
    /// <summary>A comparison follow-up's kind per year, where the two answered figures came from different tables.</summary>
    public IReadOnlyDictionary<int, BudgetKind>? KindByYear { get; init; }
    public bool BothKinds { get; init; }
    /// <summary>True when this question itself names begroting or jaarrekening (a follow-up inherits the kind, not this).</summary>
    public bool KindNamed { get; init; }
    public BudgetSide? Side { get; init; }
    public OrganisationFactKind? Role { get; init; }
    public string? OtherOrganisation { get; init; }
    public MonitoringKind? Monitoring { get; init; }
    public SmallTalkKind? SmallTalk { get; init; }
    /// <summary>Content words for search: not stop words, not time words.</summary>
    public IReadOnlyList<Token> Terms { get; init; } = [];
    /// <summary>The words a count question counts ("hoeveel CISO bijeenkomsten" -> "ciso", "bijeenkomsten").</summary>
    public IReadOnlyList<string> CountNoun { get; init; } = [];
    /// <summary>What a definition question asks about ("veiligheidsmonitor").</summary>
    public IReadOnlyList<string> Subject { get; init; } = [];
    /// <summary>The label of the budget line the previous answer gave: a comparison follow-up pairs exactly that line.</summary>
    public string? LineLabel { get; init; }
    /// <summary>The person a follow-up points back to ("hoe lang heeft die het gedaan?").</summary>
    public string? Person { get; init; }
    /// <summary>Items of a long list the conversation has already shown ("Meer" continues after them; 0 = from the start).</summary>
    public int Skip { get; init; }

    public bool Has(Signals signal) => (Signals & signal) == signal;

    public bool HasAny(Signals signal) => (Signals & signal) != 0;

    /// <summary>The one year asked, or null.</summary>
    public int? Year => Years.Count > 0 ? Years[0] : Range?.From.Year;
}
