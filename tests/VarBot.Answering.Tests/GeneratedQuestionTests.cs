namespace VarBot.Answering.Tests;

/// <summary>
/// Over a thousand questions made from the model; the expected answer is computed from the model. Cases the engine
/// answers wrong today are listed by id in Data/generated-accepted-failures.txt.
/// </summary>
public sealed class GeneratedQuestionTests
{
    private static readonly IReadOnlyList<GeneratedQuestion> Generated = QuestionGenerator.All(RealModel.Model);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var q in Generated)
        {
            data.Add(q.Id);
        }

        return data;
    }

    [Fact]
    public void Generate_Model_MakesAtLeastAThousandQuestionsInEveryFamily()
    {
        Assert.True(Generated.Count >= 1000, $"{Generated.Count} generated");
        Assert.Equal(Generated.Count, Generated.Select(q => q.Id).Distinct().Count());
        foreach (var family in new[] { "event-date", "next-event", "previous-event", "budget-line", "budget-total", "budget-compare", "role", "count", "theme-year" })
        {
            Assert.Contains(Generated, q => q.Family == family);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Ask_GeneratedQuestion_AnswerHoldsTheModelsFact(string id)
    {
        var q = Generated.First(g => g.Id == id);
        var answer = AnswerText.Flatten(RealModel.Engine.Ask(new Question(q.Question, q.Today)));
        var passed = q.MustContainOneOf.Any(s => answer.Contains(s, StringComparison.OrdinalIgnoreCase));

        if (Accepted.Contains(id))
        {
            Assert.False(passed, $"{id} passes now: remove it from Data/generated-accepted-failures.txt");
            return;
        }

        Assert.True(passed, $"{id}: '{q.Question}' (asked {q.Today:yyyy-MM-dd}) expected one of [{string.Join(" | ", q.MustContainOneOf)}]\n{answer}");
    }

    private static readonly HashSet<string> Accepted = File.ReadLines(RealModel.DataFile("generated-accepted-failures.txt"))
        .Select(l => l.Split('#')[0].Trim())
        .Where(l => l.Length > 0)
        .ToHashSet(StringComparer.Ordinal);
}
