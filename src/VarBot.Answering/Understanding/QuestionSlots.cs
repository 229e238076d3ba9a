using VarBot.Knowledge.Model;

namespace VarBot.Answering.Understanding;

/// <summary>What a question names: time, theme, event type, budget line, organisation fact, and its remaining words.</summary>
internal sealed class QuestionSlots
{
    public List<string> Tokens { get; init; } = [];
    /// <summary>Tokens that are not stop words, years or slot words: what an open search looks for.</summary>
    public List<string> Content { get; init; } = [];
    public List<int> Years { get; } = [];
    public int? Month { get; set; }
    public DateOnly? Date { get; set; }
    public bool Today { get; set; }
    /// <summary>The question names a day relative to today (vandaag, morgen, overmorgen).</summary>
    public bool RelativeDay { get; set; }
    public bool Next { get; set; }
    public bool First { get; set; }
    public bool Last { get; set; }
    public bool Past { get; set; }
    public (int From, int To)? MonthRange { get; set; }
    /// <summary>The month came from words like "volgende maand" or "na de zomer": the question is about the agenda.</summary>
    public bool RelativeMonth { get; set; }
    public string? Season { get; set; }
    public EventType? EventType { get; set; }
    public bool AgendaWord { get; set; }
    public bool WhenWord { get; set; }
    public Theme? Theme { get; set; }
    public Theme? FormerTheme { get; set; }
    /// <summary>The question's words that named the theme ("buurtpreventie plus").</summary>
    public IReadOnlyList<string> ThemePhrase { get; set; } = [];
    public bool ThemeListWord { get; set; }
    public bool DoneWord { get; set; }
    public bool PlannedWord { get; set; }
    /// <summary>True when, apart from theme and time, the question only has general activity words.</summary>
    public bool ActivityOnly { get; set; }
    public bool BudgetWord { get; set; }
    public bool WeakBudgetWord { get; set; }
    public bool MoneyQuestion { get; set; }
    public MonitoringKind? Monitoring { get; set; }
    public bool EventDetail { get; set; }
    public bool PersonQuestion { get; set; }
    public HashSet<BudgetKind> Kinds { get; } = [];
    public BudgetSide? Side { get; set; }
    public HashSet<string> LineKeys { get; } = [];
    public HashSet<string> NegatedKeys { get; } = [];
    public bool TotalWord { get; set; }
    public bool Compare { get; set; }
    public bool Breakdown { get; set; }
    public OrganisationFactKind? Org { get; set; }
    public int OrgRemainder { get; set; }
    public bool StartsAsFollowUp { get; set; }
    /// <summary>The question asks yes or no ("Is er in december nog een Leerhuis?").</summary>
    public bool YesNo { get; set; }
}
