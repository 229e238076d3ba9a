using System.Text;
using System.Text.RegularExpressions;

namespace VarBot.Knowledge.Import;

/// <summary>A paragraph, bullet item or single line of a report, with the 1-based line it starts on.</summary>
/// <param name="BlockStart">True when it is the first paragraph after a run of two or more blank lines (a new block).</param>
/// <param name="SingleLine">True when it came from one source line (candidates for headings and agenda rows).</param>
internal sealed record Paragraph(string Text, int Line, bool IsBullet, bool BlockStart, bool SingleLine);

/// <summary>
/// Splits report lines into paragraphs. Newer reports (2020 and later, apart from 2023) hold one paragraph per
/// line; the 2017 OCR text and the 2023 PDF text are wrapped, so lines are joined (hyphenation undone) until a
/// sentence ends, a bullet or agenda row starts, or a blank line is followed by a new sentence.
/// </summary>
internal static partial class Paragraphs
{
    public static bool IsWrapped(string[] lines) => lines.Max(l => l.Length) < 200;

    public static List<Paragraph> Split(string[] lines, bool wrapped, ISet<int> skipLines)
    {
        var result = new List<Paragraph>();
        var blanks = 2; // the file start counts as a block start
        StringBuilder? current = null;
        var currentLine = 0;
        var currentBullet = false;
        var currentBlockStart = false;
        var currentLines = 0;

        void Flush()
        {
            if (current is null)
            {
                return;
            }

            var text = TextTools.Clean(current.ToString());
            if (text.Length > 0)
            {
                result.Add(new Paragraph(text, currentLine, currentBullet, currentBlockStart, currentLines == 1));
            }

            current = null;
        }

        var tweets = TweetLines(lines);
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            if (skipLines.Contains(lineNo))
            {
                Flush();
                blanks = 2;
                continue;
            }

            var raw = lines[i];
            var trimmed = raw.Trim(' ', '\t', '\uFFFD');
            if (trimmed.Length == 0 || IsNoise(trimmed) || tweets.Contains(i))
            {
                if (trimmed.Length == 0)
                {
                    blanks++;
                }

                if (!wrapped)
                {
                    Flush();
                }

                continue;
            }

            var isBullet = TextTools.IsBulletLine(raw);
            var startsNew = !wrapped || current is null || isBullet || AgendaRow().IsMatch(trimmed) && !EndsMidClause(current) || NumberedHeading().IsMatch(trimmed)
                || (blanks > 0 && !ContinuesSentence(current, trimmed, currentBullet))
                || (blanks == 0 && currentLines == 1 && !currentBullet && LooksLikeHeading(current.ToString()) && StartsSentence(trimmed))
                || (blanks == 0 && TextTools.EndsSentence(current.ToString()) && IsHeadingLine(lines, i, trimmed));
            if (wrapped && current is not null && blanks >= 2 && !isBullet)
            {
                startsNew = true;
            }

            if (startsNew)
            {
                Flush();
                current = new StringBuilder();
                currentLine = lineNo;
                currentBullet = isBullet;
                currentBlockStart = blanks >= 2;
                currentLines = 0;
                current.Append(isBullet ? TextTools.StripBullet(raw) : trimmed);
            }
            else
            {
                var prev = current!.ToString();
                if (prev.EndsWith('-') && prev.Length > 1 && char.IsLetter(prev[^2]) && trimmed.Length > 0 && char.IsLower(trimmed[0]))
                {
                    current.Length--;
                    current.Append(trimmed);
                }
                else
                {
                    current.Append(' ').Append(trimmed);
                }
            }

            currentLines++;
            blanks = 0;
        }

        Flush();
        return result;
    }

    private static bool ContinuesSentence(StringBuilder current, string next, bool bullet)
    {
        var prev = current.ToString().TrimEnd();
        if (bullet)
        {
            // 2023: bullet items run on after a blank line until their closing ";" or "."
            var lastWord = prev[(prev.LastIndexOf(' ') + 1)..];
            // ... also when a quote or a "10 jaar VAR / Trends ..." title is still open.
            return !TextTools.EndsSentence(prev) && next.Length > 0
                && (char.IsLower(next[0]) || (prev.Length > 45 && lastWord.Length > 0 && char.IsLower(lastWord[0]))
                    || prev.EndsWith('/') || OpenQuote(prev));
        }

        return !TextTools.EndsSentence(prev) && !LooksLikeHeading(prev) && next.Length > 0
            && (char.IsLower(next[0]) || next[0] == '(' || char.IsDigit(next[0]) && EndsMidClause(current));
    }

    /// <summary>
    /// "... en Justitie die op" / "25 mei 2018 in werking treden.": text that stops on a short lower-case word (a
    /// preposition, an article) is a sentence the page or column break cut, not a paragraph's end.
    /// </summary>
    private static bool EndsMidClause(StringBuilder current)
    {
        var text = current.ToString().TrimEnd();
        var lastWord = text[(text.LastIndexOf(' ') + 1)..];
        return text.Length > 45 && lastWord.Length is > 0 and <= MidClauseWordLength && lastWord.All(char.IsLower);
    }

    private const int MidClauseWordLength = 4;

    private static bool OpenQuote(string text) => text.Count(c => c is '‘') > text.Count(c => c is '’');

    /// <summary>A short line with a blank line after it, right after a finished sentence: a heading (2023 " Privacy").</summary>
    private static bool IsHeadingLine(string[] lines, int i, string trimmed) =>
        trimmed.Length < 40 && !TextTools.EndsSentence(trimmed) && char.IsUpper(trimmed[0])
        && (i + 1 == lines.Length || lines[i + 1].Trim().Length == 0);

    private static bool StartsSentence(string text) => text.Length > 0 && (char.IsUpper(text[0]) || char.IsDigit(text[0]));

    private static bool LooksLikeHeading(string text) => text.Length < 60 && !TextTools.EndsSentence(text) && !text.Contains(',', StringComparison.Ordinal) && char.IsUpper(text.TrimStart()[0]) && !text.EndsWith('-');

    /// <summary>
    /// Screenshots of tweets in the 2017 OCR text: from a tweet marker line ("&amp; Tweet", "Je hebt geretweet") to the
    /// last timestamp ("03 apr. 17 om 20:39", "23-02-17 23:44") or counter line ("1 Retweet 1 vind-ik-leuk") within
    /// the next 20 lines. A marker without such an end drops only itself, so body text is never lost.
    /// </summary>
    private static HashSet<int> TweetLines(string[] lines)
    {
        var result = new HashSet<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TweetStart().IsMatch(lines[i].Trim()))
            {
                continue;
            }

            var end = i;
            for (var j = i + 1; j < Math.Min(lines.Length, i + 21); j++)
            {
                if (TweetEnd().IsMatch(lines[j].Trim()))
                {
                    end = j;
                }
            }

            for (var k = i; k <= end; k++)
            {
                result.Add(k);
            }

            i = end;
        }

        return result;
    }

    /// <summary>Link lists, page footers, column labels and stray tweet parts carry no content.</summary>
    private static bool IsNoise(string line) =>
        line.StartsWith("http", StringComparison.Ordinal) || line is "ALGEMEEN" or "VAR" or "&"
        || PageFooter().IsMatch(line) || YearPair().IsMatch(line) || line.All(c => c is '-' or '\t' or ' ' or '.')
        || TweetEnd().IsMatch(line) || TwitterHandleLine().IsMatch(line);

    [GeneratedRegex(@"^(?:&\s*Tweet|\S{0,3}\s*Je hebt geretweet)$")]
    private static partial Regex TweetStart();

    [GeneratedRegex(@"^(?:\d{2} \w{3}\. \d{2} om \d{1,2}:\d{2}|\d{2}-\d{2}-\d{2} \d{1,2}:\d{2}|\d+ Retweets? \d+ vind-ik-leuks?)$")]
    private static partial Regex TweetEnd();

    [GeneratedRegex(@"^[-)]?\s*@\w+$")]
    private static partial Regex TwitterHandleLine();

    [GeneratedRegex(@"^\s*-?\s*\d{1,2}\s+(" + TextTools.MonthPattern + @")\s+\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex AgendaRow();

    [GeneratedRegex(@"^\d\.\d\.?\s+[A-Z]")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"Jaarverslag 2017 /Jaarplan 2018.*\d+$|^\d{1,2}$")]
    private static partial Regex PageFooter();

    [GeneratedRegex(@"^\d{4}\s+\d{4}$")]
    private static partial Regex YearPair();
}
