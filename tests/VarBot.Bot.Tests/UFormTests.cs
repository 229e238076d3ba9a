using System.Text.RegularExpressions;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// Every user-facing Dutch text addresses the reader with "u": the text classes, the answer templates, the cards and the
/// pages. Word lists that recognise what a user types ("wat kun je") are input, not text, and live in the vocabulary.
/// </summary>
public sealed partial class UFormTests
{
    public static TheoryData<string> TextFiles()
    {
        var root = RepoPaths.Root;
        var data = new TheoryData<string>();
        string[] texts =
        [
            "src/VarBot.Bot/Texts/BotTexts.cs",
            "src/VarBot.Newsletter/NewsletterTexts.cs",
            "src/VarBot.Answering/Realisation/texts.yaml",
            "run.sh",
        ];
        foreach (var file in texts
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src/VarBot.Cli/Texts"), "*.cs").Select(f => Path.GetRelativePath(root, f)))
            .Concat(Directory.EnumerateFiles(RepoPaths.Cards, "*.json").Select(f => Path.GetRelativePath(root, f)))
            .Concat(new[] { "src", "templates" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.razor", SearchOption.AllDirectories))
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Select(f => Path.GetRelativePath(root, f))))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextFiles))]
    public void UserTexts_InFile_AddressTheReaderWithU(string file)
    {
        var offending = File.ReadLines(Path.Combine(RepoPaths.Root, file))
            .Select((line, index) => (Line: line, Number: index + 1))
            .Where(x => !x.Line.Contains("Words", StringComparison.Ordinal)) // input word lists, e.g. BotTexts.HelpWords
            .Where(x => JeForm().IsMatch(x.Line))
            .Select(x => $"{file}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.Empty(offending);
    }

    [GeneratedRegex(@"\b(je|jij|jou|jouw|jullie)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JeForm();
}
