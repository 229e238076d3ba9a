using System.Reflection;
using VarBot.Answering.Analysis;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Understanding;

/// <summary>
/// What a question shows, as flags the route table reads. Each flag is set by the extractor from the vocabulary. A set of
/// up to 128 named bits (an enum holds only 64): combine with <c>|</c>, <c>&amp;</c> and <c>~</c>, test with
/// <see cref="Query.Has"/>; <see cref="Parse"/> reads a name of routes.yaml and <see cref="ToString"/> writes the names.
/// </summary>
internal readonly record struct Signals
{
    private readonly UInt128 _bits;

    private Signals(UInt128 bits) => _bits = bits;

    public static readonly Signals None;
    public static readonly Signals Empty = Bit(0);
    public static readonly Signals TooLong = Bit(1);
    public static readonly Signals NoWords = Bit(2);
    public static readonly Signals Code = Bit(3);
    public static readonly Signals English = Bit(4);
    public static readonly Signals SmallTalk = Bit(5);
    public static readonly Signals More = Bit(6);
    public static readonly Signals OtherOrg = Bit(7);
    public static readonly Signals FuturePerson = Bit(8);
    public static readonly Signals Money = Bit(9);
    public static readonly Signals MoneyOnly = Bit(10);
    public static readonly Signals Compare = Bit(11);
    public static readonly Signals Breakdown = Bit(12);
    public static readonly Signals Share = Bit(13);
    public static readonly Signals Total = Bit(14);
    public static readonly Signals BudgetLine = Bit(15);
    public static readonly Signals TwoYears = Bit(16);
    public static readonly Signals EventType = Bit(17);
    public static readonly Signals EventNamed = Bit(18);
    public static readonly Signals When = Bit(19);
    public static readonly Signals Where = Bit(20);
    public static readonly Signals Who = Bit(21);
    public static readonly Signals Count = Bit(22);
    public static readonly Signals Agenda = Bit(23);
    public static readonly Signals RelativeDay = Bit(24);
    public static readonly Signals Period = Bit(25);
    public static readonly Signals Next = Bit(26);
    public static readonly Signals Previous = Bit(27);
    public static readonly Signals First = Bit(28);
    public static readonly Signals Last = Bit(29);
    public static readonly Signals Ordinal = Bit(30);
    public static readonly Signals YesNo = Bit(31);
    public static readonly Signals EventDetail = Bit(32);
    public static readonly Signals Theme = Bit(33);
    public static readonly Signals ThemeList = Bit(34);
    public static readonly Signals Activity = Bit(35);
    public static readonly Signals Done = Bit(36);
    public static readonly Signals Planned = Bit(37);
    public static readonly Signals Role = Bit(38);
    public static readonly Signals RoleOnly = Bit(39);
    public static readonly Signals PersonName = Bit(40);
    public static readonly Signals PersonDetail = Bit(41);
    public static readonly Signals Monitoring = Bit(42);
    public static readonly Signals Content = Bit(43);
    public static readonly Signals FollowUpStart = Bit(44);
    public static readonly Signals BackReference = Bit(45);
    public static readonly Signals Year = Bit(46);
    public static readonly Signals Past = Bit(47);
    public static readonly Signals TimeOfDay = Bit(48);
    public static readonly Signals Why = Bit(49);
    /// <summary>A count question that counts events ("hoeveel Leerhuizen").</summary>
    public static readonly Signals CountEvents = Bit(50);
    /// <summary>An event type named in the plural ("welke Leerhuizen"): a list is asked.</summary>
    public static readonly Signals Plural = Bit(51);
    /// <summary>A question about an event's theme or topic ("wat is het thema van ...").</summary>
    public static readonly Signals ThemeAsked = Bit(52);
    /// <summary>"en die daarna?": the event after the one just answered.</summary>
    public static readonly Signals After = Bit(53);
    /// <summary>"en die ervoor?": the event before the one just answered.</summary>
    public static readonly Signals Before = Bit(54);
    /// <summary>"het subtotaal van de uitgaven": a side's subtotal line is asked.</summary>
    public static readonly Signals Subtotal = Bit(55);
    /// <summary>"hij", "zij": the person of the previous answer.</summary>
    public static readonly Signals PersonReference = Bit(56);
    /// <summary>"toen": the time of the previous answer.</summary>
    public static readonly Signals TimeReference = Bit(57);
    /// <summary>"hoe lang", "hoeveel jaar": a length of time is asked.</summary>
    public static readonly Signals Duration = Bit(58);
    /// <summary>"Wat is de Veiligheidsmonitor?": what something is.</summary>
    public static readonly Signals Definition = Bit(59);
    /// <summary>"op dit moment", "nu": the present is asked, not the year of the previous answer.</summary>
    public static readonly Signals Now = Bit(60);
    /// <summary>"wat is de uitkomst van ...": the outcome of something is asked.</summary>
    public static readonly Signals Outcome = Bit(61);
    /// <summary>"wat betalen de gemeenten aan het Veiligheidshuis": another organisation receives the money asked.</summary>
    public static readonly Signals OtherRecipient = Bit(62);
    /// <summary>"onder welke groepen?", "met wie?": a preposition and a question word start the question.</summary>
    public static readonly Signals DetailStart = Bit(63);
    /// <summary>"het nieuwsbericht over ...", "welke berichten verschenen ...": a news item of the website is asked.</summary>
    public static readonly Signals News = Bit(64);
    /// <summary>"wie betaalde dat?", "waaruit werd het gefinancierd?": who paid for it.</summary>
    public static readonly Signals Payer = Bit(65);
    /// <summary>"dat leerhuis", "die carrousel": a demonstrative before a meeting word points to the meeting just answered.</summary>
    public static readonly Signals EventReference = Bit(66);

    /// <summary>Every named flag, for <see cref="Parse"/> and <see cref="ToString"/> (after the fields it reads).</summary>
    private static readonly (string Name, Signals Value)[] Named = [.. typeof(Signals).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Signals) && f.Name != nameof(None)).Select(f => (f.Name, (Signals)f.GetValue(null)!))
        .OrderBy(n => n.Item2._bits)];

    public static Signals operator |(Signals a, Signals b) => new(a._bits | b._bits);

    public static Signals operator &(Signals a, Signals b) => new(a._bits & b._bits);

    public static Signals operator ~(Signals a) => new(~a._bits);

    /// <summary>The flag of that name ("Money"); an unknown name is an error in the route table.</summary>
    public static Signals Parse(string name) =>
        Array.Find(Named, n => n.Name == name) is { Name: not null } found ? found.Value : throw new ArgumentException($"Unknown signal '{name}'.", nameof(name));

    /// <summary>The flags set, by name ("Money, Year").</summary>
    public IEnumerable<string> Names()
    {
        var bits = _bits;
        return Named.Where(n => (n.Value._bits & bits) != 0).Select(n => n.Name);
    }

    /// <summary>The flags named, as <see cref="Names"/> gives them.</summary>
    public static Signals FromNames(IEnumerable<string>? names) => names?.Aggregate(None, (s, n) => s | Parse(n)) ?? None;

    public override string ToString() => _bits == 0 ? nameof(None) : string.Join(", ", Names());

    private static Signals Bit(int n) => new(UInt128.One << n);
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
    /// <summary>"Wie waren voorzitter en vicevoorzitter?": the roles asked besides <see cref="Role"/>.</summary>
    public IReadOnlyList<OrganisationFactKind> OtherRoles { get; init; } = [];
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

    public bool HasAny(Signals signal) => (Signals & signal) != Signals.None;

    /// <summary>The one year asked, or null.</summary>
    public int? Year => Years.Count > 0 ? Years[0] : Range?.From.Year;
}
