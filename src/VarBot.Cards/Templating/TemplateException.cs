namespace VarBot.Cards.Templating;

/// <summary>A template that cannot be parsed or expanded (where the official library throws too).</summary>
public sealed class TemplateException(string message) : Exception(message);
