namespace VarBot.Cards;

/// <summary>The card templates folder is missing or a template in it is invalid (raised at start).</summary>
public sealed class CardCatalogException(string message, Exception? inner = null) : Exception(message, inner);
