using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VarBot.Answering.Vocabulary;

/// <summary>The Dutch vocabulary of the engine, read once from the embedded lexicon.yaml.</summary>
internal sealed class Lexicon
{
    public List<string> Stopwords { get; set; } = [];
    public List<List<string>> Synonyms { get; set; } = [];
    public List<string> Months { get; set; } = [];
    public Dictionary<string, int> MonthAbbreviations { get; set; } = [];
    public Dictionary<string, int> RelativeYears { get; set; } = [];
    public Dictionary<string, int> RelativeMonths { get; set; } = [];
    public List<string> TodayWords { get; set; } = [];
    public List<string> TomorrowWords { get; set; } = [];
    public List<string> DayAfterTomorrowWords { get; set; } = [];
    public List<string> AfterSummerWords { get; set; } = [];
    public List<string> BeforeSummerWords { get; set; } = [];
    public List<string> NextWords { get; set; } = [];
    public List<string> FirstWords { get; set; } = [];
    public List<string> LastWords { get; set; } = [];
    public List<string> PastWords { get; set; } = [];
    public Dictionary<string, List<string>> EventTypes { get; set; } = [];
    public Dictionary<string, string> EventTypeLabels { get; set; } = [];
    public Dictionary<string, string> EventTypeArticles { get; set; } = [];
    public List<string> YesNoStarts { get; set; } = [];
    public List<string> AgendaWords { get; set; } = [];
    public Dictionary<string, List<string>> SeasonWords { get; set; } = [];
    public List<string> WhenWords { get; set; } = [];
    public List<string> BudgetWords { get; set; } = [];
    public List<string> WeakBudgetWords { get; set; } = [];
    public List<string> CountQuestionWords { get; set; } = [];
    public List<string> NumberWords { get; set; } = [];
    public List<string> MoneyQuestionWords { get; set; } = [];
    public Dictionary<string, List<string>> MonitoringKinds { get; set; } = [];
    public List<string> EventDetailWords { get; set; } = [];
    public List<string> PersonQuestionWords { get; set; } = [];
    public List<string> FuturePersonWords { get; set; } = [];
    public List<string> JaarrekeningWords { get; set; } = [];
    public List<string> BegrotingWords { get; set; } = [];
    public List<string> BothKindsWords { get; set; } = [];
    public List<string> ExpenseWords { get; set; } = [];
    public List<string> IncomeWords { get; set; } = [];
    public List<string> TotalWords { get; set; } = [];
    public List<string> BreakdownWords { get; set; } = [];
    public List<string> CompareWords { get; set; } = [];
    public List<string> ShareWords { get; set; } = [];
    public List<string> NegationWords { get; set; } = [];
    public List<BudgetLineWords> BudgetLines { get; set; } = [];
    public Dictionary<string, List<string>> Org { get; set; } = [];
    public List<string> OrgCountWords { get; set; } = [];
    public List<string> OrgFillerWords { get; set; } = [];
    public List<string> OrgPersonRoleWords { get; set; } = [];
    public Dictionary<string, List<string>> ThemeAliases { get; set; } = [];
    public List<string> ThemeListWords { get; set; } = [];
    public List<string> DoneWords { get; set; } = [];
    public List<string> PlannedWords { get; set; } = [];
    public List<string> ActivityWords { get; set; } = [];
    public List<string> FollowupStarts { get; set; } = [];
    public List<string> FollowupWhen { get; set; } = [];
    public List<string> EnglishWords { get; set; } = [];
    public List<string> SqlWords { get; set; } = [];

    public static Lexicon Load() => Resources.ReadYaml<Lexicon>("lexicon.yaml");
}

internal sealed class BudgetLineWords
{
    public string Key { get; set; } = "";
    public List<string> Words { get; set; } = [];
}

/// <summary>User-facing Dutch phrases, read once from the embedded phrases.yaml.</summary>
internal sealed class Phrases(Dictionary<string, string> texts)
{
    public static Phrases Load() => new(Resources.ReadYaml<Dictionary<string, string>>("phrases.yaml"));

    public string this[string key] => texts.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"Phrase '{key}' is missing from phrases.yaml.");

    public string Format(string key, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    public bool Has(string key) => texts.ContainsKey(key);
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
