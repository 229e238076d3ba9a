using System.Text.Json.Nodes;
using VarBot.Cards;

namespace VarBot.Bot.Answers;

/// <summary>Cards from cards/*.json through the shared <see cref="CardCatalog"/> (loaded and validated once at start).</summary>
internal sealed class CatalogCardRenderer(CardCatalog catalog) : ICardRenderer
{
    public JsonObject Render(string template, JsonObject data) => catalog.Render(template, data);
}
