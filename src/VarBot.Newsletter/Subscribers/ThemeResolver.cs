using System.Globalization;
using System.Text;
using VarBot.Knowledge.Model;

namespace VarBot.Newsletter.Subscribers;

/// <summary>
/// Maps what a subscriber file names as a theme to a current theme id, through the model: the id itself, the theme's
/// name, an alias or former name, or a retired theme's successor ("cybercrime" → digitale-veiligheid,
/// "huiselijk-geweld" → zorg-en-veiligheid). Compared as slugs, so case, accents and spaces do not matter.
/// </summary>
public sealed class ThemeResolver
{
    private readonly Dictionary<string, string?> _targets = new(StringComparer.Ordinal);

    public ThemeResolver(IEnumerable<Theme> themes)
    {
        var all = themes.ToList();
        var current = all.Where(t => t.IsCurrent).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        // Current themes first, so a name shared with a retired theme resolves to the current one.
        foreach (var theme in all.OrderByDescending(t => t.IsCurrent))
        {
            var target = theme.IsCurrent ? theme.Id : theme.SucceededBy is { } next && current.Contains(next) ? next : null;
            foreach (var name in new[] { theme.Id, theme.Name }.Concat(theme.Aliases).Concat(theme.FormerNames))
            {
                _targets.TryAdd(Slug(name), target);
            }
        }

        Current = current;
    }

    public IReadOnlySet<string> Current { get; }

    /// <summary>The current theme id for <paramref name="text"/>; <paramref name="known"/> is false for a name the model does not know at all.</summary>
    public string? Resolve(string text, out bool known)
    {
        known = _targets.TryGetValue(Slug(text), out var target);
        return target;
    }

    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
