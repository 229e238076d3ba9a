using VarBot.Answering.Understanding;
using VarBot.Answering.Vocabulary;

namespace VarBot.Answering.Routing;

/// <summary>What a question asks for; each is answered by one class in Answers/.</summary>
internal enum Intent
{
    Empty,
    TooLong,
    NoWords,
    NotUnderstood,
    English,
    SmallTalk,
    More,
    FuturePerson,
    OtherOrganisation,
    Monitoring,
    News,
    Definition,
    BudgetCompare,
    BudgetBreakdown,
    BudgetLine,
    MoneyText,
    EventDay,
    EventDetail,
    EventList,
    EventNext,
    Person,
    Organisation,
    ThemeList,
    ThemeOverview,
    Search,
}

/// <summary>One named rule of the route table.</summary>
internal sealed record RouteRule(string Name, Intent Intent, Signals When, Signals Unless);

/// <summary>Route stage: the first rule of routes.yaml that matches the question's signals.</summary>
internal sealed class Router
{
    private readonly IReadOnlyList<RouteRule> _rules;

    public Router()
    {
        _rules = Resources.ReadYaml<List<RouteRow>>("routes.yaml")
            .Select(r => new RouteRule(
                r.Name,
                Enum.Parse<Intent>(r.Intent),
                r.When.Aggregate(Signals.None, (s, n) => s | Signals.Parse(n)),
                r.Unless.Aggregate(Signals.None, (s, n) => s | Signals.Parse(n))))
            .ToList();
        if (_rules.Count == 0 || _rules[^1].When != Signals.None)
        {
            throw new InvalidOperationException("routes.yaml must end with a rule that always matches.");
        }
    }

    public IReadOnlyList<RouteRule> Rules => _rules;

    public RouteRule Route(Query query) =>
        _rules.First(r => (query.Signals & r.When) == r.When && (query.Signals & r.Unless) == Signals.None);

    private sealed class RouteRow
    {
        public string Name { get; set; } = "";
        public string Intent { get; set; } = "";
        public List<string> When { get; set; } = [];
        public List<string> Unless { get; set; } = [];
    }
}
