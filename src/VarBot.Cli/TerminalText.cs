namespace VarBot.Cli;

/// <summary>
/// Text from users (questions, names) made safe to print in a terminal: control characters (ESC sequences that recolour,
/// move the cursor or rewrite the title, C1 controls, line breaks) and bidirectional overrides become a visible "�" or a
/// space, so a stored question cannot change what an editor's terminal shows.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    '\r' or '\n' or '\t' => ' ',
                    _ when char.IsControl(c) || IsBidiControl(c) => '\uFFFD',
                    _ => c,
                };
            }
        });
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
