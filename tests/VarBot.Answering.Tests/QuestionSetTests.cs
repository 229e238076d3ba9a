namespace VarBot.Answering.Tests;

/// <summary>
/// Every question of every question set is its own case. A question that fails is either fixed or listed by id in
/// Data/accepted-failures.txt (with the reason), so a question that breaks shows even when another gets fixed.
/// </summary>
public sealed class QuestionSetTests
{
    private static readonly DateOnly DefaultToday = new(2026, 11, 22);

    /// <summary>Every question set in Data/, in the order they were written (the held-back ones became development data after their first pass).</summary>
    public static readonly string[] SetFiles =
    [
        "qa-dev.jsonl", "qa-blind.jsonl", "qa-blind2.jsonl", "qa-blind3.jsonl", "qa-blind4.jsonl", "qa-varbot.jsonl", "qa-varbot-round2.jsonl",
        "qa-heldback1.jsonl", "conversations-heldback1.jsonl", "qa-heldback2.jsonl", "conversations-heldback2.jsonl",
        "qa-heldback3.jsonl", "conversations-heldback3.jsonl", "qa-heldback4.jsonl", "conversations-heldback4.jsonl",
        "qa-heldback6.jsonl", "conversations-heldback6.jsonl", "qa-heldback7.jsonl", "conversations-heldback7.jsonl",
        "qa-heldback8.jsonl", "conversations-heldback8.jsonl", "qa-heldback9.jsonl", "conversations-heldback9.jsonl",
        "qa-heldback10.jsonl", "conversations-heldback10.jsonl", "qa-heldback10b.jsonl", "qa-heldback11.jsonl", "conversations-heldback11.jsonl",
        "qa-heldback12.jsonl", "conversations-heldback12.jsonl", "qa-heldback13.jsonl", "conversations-heldback13.jsonl",
        "qa-heldback14.jsonl", "conversations-heldback14.jsonl", "qa-heldback17.jsonl", "conversations-heldback17.jsonl",
        "qa-heldback18.jsonl", "conversations-heldback18.jsonl", "qa-heldback19.jsonl", "conversations-heldback19.jsonl",
        "qa-heldback20.jsonl", "conversations-heldback20.jsonl", "qa-heldback21.jsonl", "conversations-heldback21.jsonl",
        "qa-heldback22.jsonl", "conversations-heldback22.jsonl", "qa-heldback23.jsonl", "conversations-heldback23.jsonl",
        "qa-heldback24.jsonl", "conversations-heldback24.jsonl", "qa-heldback25.jsonl", "conversations-heldback25.jsonl",
        "qa-heldback26.jsonl", "conversations-heldback26.jsonl", "qa-heldback27.jsonl", "conversations-heldback27.jsonl",
        "qa-heldback28.jsonl", "conversations-heldback28.jsonl", "qa-heldback29.jsonl", "conversations-heldback29.jsonl",
        "qa-heldback30.jsonl", "conversations-heldback30.jsonl", "qa-heldback31.jsonl", "conversations-heldback31.jsonl",
        "qa-heldback32.jsonl", "conversations-heldback32.jsonl", "qa-heldback33.jsonl", "conversations-heldback33.jsonl",
        "qa-heldback34.jsonl", "conversations-heldback34.jsonl", "qa-heldback35.jsonl", "conversations-heldback35.jsonl",
        "qa-heldback36.jsonl", "conversations-heldback36.jsonl", "qa-heldback37.jsonl", "conversations-heldback37.jsonl",
        "qa-heldback38.jsonl", "conversations-heldback38.jsonl",
        "qa-heldback39.jsonl", "conversations-heldback39.jsonl",
        "qa-heldback40.jsonl", "conversations-heldback40.jsonl",
        "qa-heldback41.jsonl", "conversations-heldback41.jsonl",
        "qa-heldback42.jsonl", "conversations-heldback42.jsonl",
        "qa-heldback43.jsonl", "conversations-heldback43.jsonl",
        "qa-heldback44.jsonl", "conversations-heldback44.jsonl",
        "qa-heldback45.jsonl", "conversations-heldback45.jsonl",
        "qa-heldback46.jsonl", "conversations-heldback46.jsonl",
        "qa-heldback47.jsonl", "conversations-heldback47.jsonl",
        "qa-heldback48.jsonl", "conversations-heldback48.jsonl",
        "qa-heldback49.jsonl", "conversations-heldback49.jsonl",
    ];

    public static TheoryData<string, string> Questions()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in SetFiles)
        {
            foreach (var item in Evaluation.Parse(File.ReadLines(RealModel.DataFile(file))))
            {
                data.Add(file, item.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Ask_SetQuestion_AnswerHoldsWhatTheSetExpects(string file, string id)
    {
        var items = Evaluation.Parse(File.ReadLines(RealModel.DataFile(file)));
        var conversation = items.First(i => i.Id == id).Conversation;
        // Questions of one conversation are asked in order, each with the context of the one before.
        var run = conversation is null ? [items.First(i => i.Id == id)] : items.Where(i => i.Conversation == conversation).TakeWhile(i => i.Id != id).Append(items.First(i => i.Id == id)).ToList();
        var result = Evaluation.Run(RealModel.Engine, run, DefaultToday)[^1];

        if (AcceptedFailures.Contains(file + ":" + id))
        {
            Assert.False(result.Passed, $"{id} passes now: remove it from Data/accepted-failures.txt");
            return;
        }

        Assert.True(result.Passed, $"{id} [{result.Intent}] {result.Item.Question}\n{string.Join("; ", result.Problems)}\n{result.Answer}");
    }

    private static readonly HashSet<string> AcceptedFailures = File.ReadLines(RealModel.DataFile("accepted-failures.txt"))
        .Select(l => l.Split('#')[0].Trim())
        .Where(l => l.Length > 0)
        .ToHashSet(StringComparer.Ordinal);
}
