using VarBot.Answering.Text;
using VarBot.Answering.Vocabulary;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Understanding;

/// <summary>Reads the slots of a question with the lexicon and the model's themes.</summary>
internal sealed class SlotExtractor
{
    private readonly Lexicon lexicon;
    private readonly QueryAnalyzer analyzer;
    private readonly List<(string[] Phrase, string Padded, Theme Theme, Theme? Former)> themePhrases = [];
    private readonly HashSet<string> slotWords;
    private readonly HashSet<string> orgWords;
    private readonly HashSet<string> orgFillers;
    private readonly HashSet<string> activity;
    private readonly Dictionary<string, string> lineKeyByWord = [];

    public SlotExtractor(Lexicon lexicon, QueryAnalyzer analyzer, IReadOnlyList<Theme> themes)
    {
        this.lexicon = lexicon;
        this.analyzer = analyzer;
        var byId = themes.ToDictionary(t => t.Id);
        foreach (var theme in themes)
        {
            var target = theme;
            var guard = 0;
            while (!target.IsCurrent && target.SucceededBy is { } next && byId.TryGetValue(next, out var successor) && guard++ < 5)
            {
                target = successor;
            }

            var former = ReferenceEquals(target, theme) ? null : theme;
            foreach (var name in theme.Aliases.Append(theme.Name).Concat(theme.FormerNames))
            {
                AddPhrase(name, target, former);
            }
        }

        foreach (var (key, aliases) in lexicon.ThemeAliases)
        {
            var normalizedKey = TextNormalizer.Normalize(key.Replace('-', ' ')).Trim();
            var theme = themes.FirstOrDefault(t => t.IsCurrent &&
                (Same(t.Id, normalizedKey) || Same(t.Name, normalizedKey)));
            if (theme is null)
            {
                continue;
            }

            foreach (var alias in aliases)
            {
                AddPhrase(alias, theme, null);
            }
        }

        themePhrases.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
        foreach (var line in lexicon.BudgetLines)
        {
            foreach (var word in line.Words)
            {
                lineKeyByWord.TryAdd(word, line.Key);
            }
        }

        orgWords = [.. lexicon.Org.Values.SelectMany(v => v), .. lexicon.OrgCountWords];
        orgFillers = [.. lexicon.OrgFillerWords];
        activity = [.. lexicon.ActivityWords, .. lexicon.DoneWords, .. lexicon.PlannedWords];
        slotWords = [.. lexicon.Months, .. lexicon.NextWords, .. lexicon.FirstWords, .. lexicon.LastWords,
            .. lexicon.TodayWords, .. lexicon.WhenWords, .. lexicon.EventTypes.Values.SelectMany(v => v),
            .. lexicon.BudgetWords, .. lexicon.JaarrekeningWords, .. lexicon.BegrotingWords, .. lexicon.TotalWords,
            .. lexicon.CompareWords, .. lexicon.ExpenseWords, .. lexicon.IncomeWords, .. lexicon.BreakdownWords,
            .. lexicon.RelativeYears.Keys.SelectMany(k => k.Split(' ')), .. lexicon.RelativeMonths.Keys.SelectMany(k => k.Split(' ')),
            .. lexicon.FollowupStarts, .. lexicon.FollowupWhen, .. lexicon.NegationWords];
    }

    private static bool Same(string value, string normalized) =>
        TextNormalizer.Normalize(value.Replace('-', ' ')).Trim() == normalized;

    private void AddPhrase(string text, Theme theme, Theme? former)
    {
        var tokens = TextNormalizer.Tokens(text).ToArray();
        if (tokens.Length > 0)
        {
            themePhrases.Add((tokens, " " + string.Join(' ', tokens) + " ", theme, former));
        }
    }

    public QuestionSlots Extract(string text, DateOnly today)
    {
        var tokens = analyzer.Tokens(text);
        var joined = " " + string.Join(' ', tokens) + " ";
        var slots = new QuestionSlots { Tokens = tokens };
        var set = new HashSet<string>(tokens);
        var consumed = new HashSet<int>();

        // Time
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Length == 4 && int.TryParse(tokens[i], out var year) && year is >= 2000 and <= 2099)
            {
                if (!slots.Years.Contains(year))
                {
                    slots.Years.Add(year);
                }

                consumed.Add(i);
            }
        }

        foreach (var (phrase, offset) in lexicon.RelativeYears)
        {
            if (joined.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                var year = today.Year + offset;
                if (!slots.Years.Contains(year))
                {
                    slots.Years.Add(year);
                }
            }
        }

        foreach (var (phrase, offset) in lexicon.RelativeMonths)
        {
            if (joined.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                var month = new DateOnly(today.Year, today.Month, 1).AddMonths(offset);
                slots.Month = month.Month;
                slots.RelativeMonth = true;
                if (slots.Years.Count == 0)
                {
                    slots.Years.Add(month.Year);
                }
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var monthIndex = lexicon.Months.IndexOf(tokens[i]);
            if (monthIndex < 0 && lexicon.MonthAbbreviations.TryGetValue(tokens[i], out var abbreviated))
            {
                monthIndex = abbreviated - 1;
            }

            if (monthIndex < 0)
            {
                continue;
            }

            slots.Month = monthIndex + 1;
            if (i > 0 && int.TryParse(tokens[i - 1], out var day) && day is >= 1 and <= 31)
            {
                var year = slots.Years.Count > 0 ? slots.Years[0] : today.Year;
                if (day <= DateTime.DaysInMonth(year, monthIndex + 1))
                {
                    slots.Date = new DateOnly(year, monthIndex + 1, day);
                }
            }
        }

        slots.Today = lexicon.TodayWords.Any(set.Contains);
        if (lexicon.TomorrowWords.Any(set.Contains))
        {
            slots.Date = today.AddDays(1);
        }
        else if (lexicon.DayAfterTomorrowWords.Any(set.Contains))
        {
            slots.Date = today.AddDays(2);
        }

        slots.RelativeDay = slots.Today || lexicon.TomorrowWords.Any(set.Contains) || lexicon.DayAfterTomorrowWords.Any(set.Contains);

        if (lexicon.AfterSummerWords.Any(p => joined.Contains(" " + p + " ", StringComparison.Ordinal)))
        {
            slots.MonthRange = (9, 12);
            slots.RelativeMonth = joined.Contains(" na de zomer", StringComparison.Ordinal);
        }
        else if (lexicon.BeforeSummerWords.Any(p => joined.Contains(" " + p + " ", StringComparison.Ordinal)))
        {
            slots.MonthRange = (1, 6);
        }

        slots.Next = lexicon.NextWords.Any(set.Contains) && !set.Contains("jaar") || set.Contains("eerstvolgende");
        if (set.Contains("volgende") && (joined.Contains(" volgende jaar ", StringComparison.Ordinal) || joined.Contains(" volgende maand ", StringComparison.Ordinal)))
        {
            slots.Next = joined.Contains(" volgende leerhuis", StringComparison.Ordinal);
        }

        slots.First = lexicon.FirstWords.Any(set.Contains);
        slots.Last = lexicon.LastWords.Any(set.Contains) && !joined.Contains(" afgelopen jaar ", StringComparison.Ordinal)
            && !joined.Contains(" vorige jaar ", StringComparison.Ordinal);
        slots.Past = lexicon.PastWords.Any(set.Contains);

        // Events
        foreach (var (type, words) in lexicon.EventTypes)
        {
            if (words.Any(set.Contains) && Enum.TryParse<EventType>(type, ignoreCase: true, out var eventType))
            {
                slots.EventType ??= eventType;
            }
        }

        foreach (var (season, words) in lexicon.SeasonWords)
        {
            if (words.Any(set.Contains))
            {
                slots.Season = season;
            }
        }

        slots.AgendaWord = lexicon.AgendaWords.Any(set.Contains);
        slots.WhenWord = lexicon.WhenWords.Any(set.Contains);

        // Themes: the longest phrase wins.
        foreach (var (phrase, padded, theme, former) in themePhrases)
        {
            if (joined.Contains(padded, StringComparison.Ordinal))
            {
                slots.Theme = theme;
                slots.FormerTheme = former;
                slots.ThemePhrase = phrase;
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (phrase.Contains(tokens[i]))
                    {
                        consumed.Add(i);
                    }
                }

                break;
            }
        }

        slots.ThemeListWord = lexicon.ThemeListWords.Any(set.Contains);
        slots.DoneWord = lexicon.DoneWords.Any(set.Contains);
        slots.PlannedWord = lexicon.PlannedWords.Where(w => w is not "van" and not "gaat" and not "gaan").Any(set.Contains);

        // Budgets
        slots.BudgetWord = lexicon.BudgetWords.Any(set.Contains);
        slots.WeakBudgetWord = lexicon.WeakBudgetWords.Any(set.Contains);
        slots.MoneyQuestion = lexicon.MoneyQuestionWords.Any(set.Contains);
        foreach (var (kind, words) in lexicon.MonitoringKinds)
        {
            if (words.Any(set.Contains) && Enum.TryParse<MonitoringKind>(kind, out var monitoringKind))
            {
                slots.Monitoring ??= monitoringKind;
            }
        }

        if (slots.Monitoring is null && set.Contains("monitor") && set.Contains("mensenhandel"))
        {
            slots.Monitoring = MonitoringKind.Mensenhandelmonitor;
        }

        slots.EventDetail = lexicon.EventDetailWords.Any(set.Contains);
        slots.PersonQuestion = lexicon.PersonQuestionWords.Any(set.Contains);
        if (lexicon.JaarrekeningWords.Any(set.Contains))
        {
            slots.Kinds.Add(BudgetKind.Jaarrekening);
        }

        if (lexicon.BegrotingWords.Any(set.Contains))
        {
            slots.Kinds.Add(BudgetKind.Begroting);
        }

        if (lexicon.ExpenseWords.Any(set.Contains))
        {
            slots.Side = BudgetSide.Expense;
        }
        else if (lexicon.IncomeWords.Any(set.Contains))
        {
            slots.Side = BudgetSide.Income;
        }

        var negate = false;
        foreach (var token in tokens)
        {
            if (lexicon.NegationWords.Contains(token))
            {
                negate = true;
                continue;
            }

            if (lineKeyByWord.TryGetValue(token, out var key))
            {
                (negate ? slots.NegatedKeys : slots.LineKeys).Add(key);
                negate = false;
            }
        }

        slots.LineKeys.ExceptWith(slots.NegatedKeys);
        slots.TotalWord = lexicon.TotalWords.Where(w => w is "totaal" or "totale" or "totaalbudget" or "hele" or "geheel" or "omvang" or "groot").Any(set.Contains);
        slots.Compare = lexicon.CompareWords.Any(set.Contains) || slots.Years.Count >= 2;
        slots.Breakdown = lexicon.BreakdownWords.Any(set.Contains);

        // Organisation
        foreach (var (kind, words) in lexicon.Org)
        {
            if (words.Any(set.Contains) && Enum.TryParse<OrganisationFactKind>(kind, out var orgKind))
            {
                if (orgKind == OrganisationFactKind.Chair && slots.Org == OrganisationFactKind.ViceChair)
                {
                    continue;
                }

                slots.Org = slots.Org is null || orgKind == OrganisationFactKind.ViceChair ? orgKind : slots.Org;
            }
        }

        slots.OrgRemainder = tokens.Count(t => !orgWords.Contains(t) && !analyzer.IsStopword(t) && !orgFillers.Contains(t)
            && !slotWords.Contains(t) && !t.All(char.IsDigit));

        // Content words for open search.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!consumed.Contains(i) && !analyzer.IsStopword(tokens[i]))
            {
                slots.Content.Add(tokens[i]);
            }
        }

        slots.ActivityOnly = slots.Content.All(t => activity.Contains(t) || slotWords.Contains(t) || lexicon.ThemeListWords.Contains(t));
        slots.YesNo = tokens.Count > 1 && lexicon.YesNoStarts.Contains(tokens[0]);
        slots.StartsAsFollowUp = tokens.Count > 0 && lexicon.FollowupStarts.Contains(tokens[0]) && tokens.Count <= 6;
        return slots;
    }


    public bool IsSlotWord(string token) => slotWords.Contains(token);
}
