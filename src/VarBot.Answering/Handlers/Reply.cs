using System.Text.Json.Nodes;

namespace VarBot.Answering.Handlers;

/// <summary>A handler's answer before the engine adds the common card fields.</summary>
internal sealed class Reply(string intent, string template)
{
    public string Intent { get; set; } = intent;
    public string Template { get; set; } = template;
    public string Text { get; set; } = "";
    public string Title { get; set; } = "";
    public string Intro { get; set; } = "";
    public JsonObject Data { get; } = [];
    public List<AnswerSource> Sources { get; } = [];
    public List<string> Suggestions { get; } = [];
    public Dictionary<string, string> Slots { get; } = [];
    public bool Answered { get; set; } = true;
}
