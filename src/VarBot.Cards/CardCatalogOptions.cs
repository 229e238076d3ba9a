namespace VarBot.Cards;

/// <summary>Configuration section "Cards".</summary>
public sealed class CardCatalogOptions
{
    public const string SectionName = "Cards";

    /// <summary>Folder with the card templates; default: cards/ next to the app, else the repository's cards/ above it.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Largest rendered card in UTF-8 bytes. Teams refuses messages over 28 KB; the default leaves 2 KB
    /// for the activity around the card.
    /// </summary>
    public int MaxCardBytes { get; set; } = 26 * 1024;
}
