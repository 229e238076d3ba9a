using VarBot.Answering.Conversation;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Tests;

/// <summary>
/// "Meer" on a long list, over the real model: a card shows as many bullets as fit on one screen, and clicking its
/// "Meer" button goes on right after the last one shown, so every item of a theme's year is reachable and none twice.
/// </summary>
public sealed class PagingTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    /// <summary>Every current theme with what it did in a year (the generator's theme-year questions).</summary>
    public static TheoryData<string, int> ThemeYears()
    {
        var data = new TheoryData<string, int>();
        foreach (var theme in RealModel.Model.Themes.Where(t => t.IsCurrent))
        {
            foreach (var year in RealModel.Model.Passages.Where(p => p.ThemeId == theme.Id && p.Kind == PassageKind.Done).Select(p => p.Year).Distinct().Order())
            {
                data.Add(theme.Id, year);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ThemeYears))]
    public void ThemeYear_FollowingMeer_ShowsEveryItemInOrderOnce(string themeId, int year)
    {
        var name = RealModel.Model.Themes.Single(t => t.Id == themeId).Name.ToLowerInvariant();
        var question = $"Wat heeft de VAR in {year} gedaan aan {name}?";

        // The list as the engine pages it: the first bullet of the answer that continues after k items, for k = 0, 1, …
        var items = new List<string>();
        for (var k = 0; k < 60; k++)
        {
            var continued = Ask("meer", new ConversationContext { Intent = "ThemeOverview", Question = question, Shown = k });
            if (Bullets(continued).FirstOrDefault() is not { } first)
            {
                break;
            }

            items.Add(first);
        }

        Assert.NotEmpty(items);

        // What a user sees clicking "Meer" until there is none.
        var seen = new List<string>();
        var answer = Ask(question, null);
        for (var page = 0; page < 30; page++)
        {
            var bullets = Bullets(answer);
            Assert.True(bullets.Count > 0 || page == 0, $"page {page + 1} after 'Meer' is empty: {answer.Text}");
            seen.AddRange(bullets);
            if (answer.Suggestions.FirstOrDefault(s => s.StartsWith("Meer", StringComparison.Ordinal)) is not { } more)
            {
                break;
            }

            answer = Ask(more, answer.Context);
        }

        Assert.Equal(items.Count, seen.Count);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.True(SameItem(items[i], seen[i]), $"item {i + 1}: expected '{items[i]}', shown '{seen[i]}'");
        }
    }

    private static Answer Ask(string text, ConversationContext? previous) => RealModel.Engine.Ask(new Question(text, Today, previous));

    private static List<string> Bullets(Answer answer) =>
        [.. answer.Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim())];

    /// <summary>The same item, whole or cut to fit ("…"): compared up to the shorter one's cut.</summary>
    private static bool SameItem(string a, string b)
    {
        var x = a.TrimEnd('…', ' ');
        var y = b.TrimEnd('…', ' ');
        var length = Math.Min(Math.Min(x.Length, y.Length), 60);
        return string.CompareOrdinal(x, 0, y, 0, length) == 0;
    }
}
