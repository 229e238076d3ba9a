using System.Text.RegularExpressions;
using VarBot.Answering.Analysis;
using VarBot.TestSupport;

namespace VarBot.Answering.Tests;

public sealed partial class OffTopicTests
{
    public static TheoryData<string> OffTopic => new()
    {
        "Wat is de hoofdstad van Frankrijk?",
        "Welke partij wint de verkiezingen?",
        "Hoe wordt het weer morgen in Rotterdam?",
        "Wie wordt de nieuwe burgemeester van Amsterdam?",
        "Wat kost een treinkaartje naar Utrecht?",
        "Hoeveel inwoners heeft Nederland?",
        "Wie won het WK voetbal in 2010?",
        "Wat is de uitslag van Feyenoord tegen Ajax?",
        "Hoe laat gaat de supermarkt open?",
        "Wat is het salaris van de minister-president?",
        "Welke films draaien er deze week in de bioscoop?",
        "Hoeveel kost een nieuwe fiets?",
        "Wanneer is koningsdag in 2030?",
        "Wat is de rente op een spaarrekening?",
        "Wie is de trainer van PSV?",
        "Hoeveel calorieën zitten er in een appel?",
        "Wat is het recept voor erwtensoep?",
        "Hoe hoog is de Euromast?",
        "Welke dieren leven in Blijdorp?",
        "Wanneer opent het nieuwe zwembad?",
        "Hoeveel studenten heeft de Erasmus Universiteit?",
        "Wat is de beste pizzeria in Delft?",
        "Hoeveel kost een parkeervergunning?",
        "Wanneer komt de nieuwe iPhone uit?",
        "Wie schreef het Wilhelmus?",
        "Wat is de snelheid van het licht?",
        "Hoeveel medewerkers heeft Shell?",
        "Wat is de begroting van de gemeente Amsterdam voor 2030?",
        "Welke rapper treedt op in Ahoy?",
        "Wanneer is de marathon van Rotterdam in 2031?",
    };

    private static readonly Lazy<HashSet<string>> Known = new(BuildKnown);

    [Theory]
    [MemberData(nameof(OffTopic))]
    public void Ask_OffTopic_InventsNoNumberDateOrName(string question)
    {
        var answer = RealModel.Engine.Ask(new Question(question, new DateOnly(2026, 11, 22), null));
        var text = AnswerText.Flatten(answer);

        var invented = Candidates(text).Where(token => !Known.Value.Contains(token)).ToList();

        Assert.True(invented.Count == 0, $"invented: {string.Join(", ", invented)} in: {text}");
        Assert.False(answer.Answered && answer.Intent == "search" && !text.Contains("jaarverslagen", StringComparison.Ordinal), text);
    }

    /// <summary>Numbers and capitalised words (names) of an answer, normalised.</summary>
    private static IEnumerable<string> Candidates(string text)
    {
        foreach (Match match in Word().Matches(text))
        {
            var word = match.Value;
            if (word.Any(char.IsDigit) || char.IsUpper(word[0]))
            {
                foreach (var token in TextNormalizer.Tokens(word))
                {
                    yield return token;
                }
            }
        }
    }

    private static HashSet<string> BuildKnown()
    {
        var m = RealModel.Model;
        var texts = m.Passages.Select(p => p.Text + " " + p.Section + " " + p.Heading)
            .Concat(m.Events.Select(e => $"{e.Title} {e.Topic} {e.Place} {e.Year} {e.Date?.Day}"))
            .Concat(m.Budgets.SelectMany(b => b.Lines.Select(l => $"{l.Label} {l.Amount} {l.AmountText}").Append($"{b.Title} {b.Total} {b.Year}")))
            .Concat(m.Themes.Select(t => t.Name + " " + string.Join(' ', t.Aliases) + " " + string.Join(' ', t.FormerNames)))
            .Concat(m.Reports.Select(r => $"{r.Title} {r.ReportYear} {r.PlanYear}"))
            .Concat(m.Organisation.Select(o => $"{o.Value} {o.Detail} {o.Year}"))
            .Concat(m.Monitoring.Select(p => $"{p.Title} {p.Covers} {p.When} {p.Year} {p.Performer}"))
            .Append(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "VarBot.Answering", "Realisation", "texts.yaml")));
        return texts.SelectMany(t => TextNormalizer.Tokens(t)).ToHashSet();
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.\-']*")]
    private static partial Regex Word();
}
