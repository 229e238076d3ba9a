using System.Text.Json.Nodes;
using VarBot.Bot.Answers;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Calendar;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Bot.Teams.Cards;

/// <summary>
/// The card of one meeting (cards/event.json), as a reminder or a search result. It is built from the model and the
/// day it is shown, and carries a refresh (Action.Execute "refreshEvent"), so the same card shows "geweest" and loses
/// "Zet in mijn agenda" when it is viewed after the meeting, and a reminder's lead counts the days again.
/// </summary>
internal sealed class EventCards(ICardRenderer renderer, PublicAddress address)
{
    public const string RefreshVerb = "refreshEvent";

    public JsonObject Event(KnowledgeModel model, Event meeting, DateOnly today, bool reminder)
    {
        var upcoming = IsUpcoming(meeting, today);
        var data = new JsonObject
        {
            ["title"] = meeting.Title,
            ["date"] = DateText(meeting),
            ["type"] = DutchFormat.EventTypeLabel(meeting.Type),
            ["status"] = Status(meeting, today),
            ["lead"] = reminder && upcoming && meeting.Date is { } date ? BotTexts.ReminderLead(date.DayNumber - today.DayNumber) : "",
            ["sources"] = new JsonArray([.. Sources(model, meeting).Select(s => (JsonNode?)JsonValue.Create(s))]),
            ["refresh"] = new JsonObject { ["eventId"] = meeting.Id, ["reminder"] = reminder },
        };
        if (!string.IsNullOrWhiteSpace(meeting.Topic))
        {
            data["topic"] = meeting.Topic;
        }

        if (!string.IsNullOrWhiteSpace(meeting.Place))
        {
            data["place"] = meeting.Place;
        }

        if (upcoming && meeting.Status != EventStatus.Cancelled && IcsWriter.CanWrite(meeting) && address.BaseUrl is { } baseUrl)
        {
            data["icsUrl"] = baseUrl + BotCards.IcsPath(meeting.Id);
        }

        return renderer.Render("event", data);
    }

    /// <summary>The titles of the reports that announce or recap the meeting.</summary>
    public static IEnumerable<string> Sources(KnowledgeModel model, Event meeting) =>
        meeting.Sources
            .Select(source => model.Reports.FirstOrDefault(r => string.Equals(r.SourceFile, source.File, StringComparison.Ordinal))?.Title)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    /// <summary>"maandag 16 november 2026, 15.00 uur" or as much as the model knows ("oktober 2026").</summary>
    public static string DateText(Event meeting)
    {
        var date = meeting.Date is { } day ? DutchFormat.LongDate(day) : DutchFormat.When(meeting);
        return string.IsNullOrWhiteSpace(meeting.Time) ? date : $"{date}, {meeting.Time}";
    }

    public static string Status(Event meeting, DateOnly today) =>
        meeting.Status == EventStatus.Cancelled ? BotTexts.EventCancelled
        : IsUpcoming(meeting, today) ? BotTexts.EventPlanned
        : BotTexts.EventHeld;

    /// <summary>On or after today; with only a month or year known, until that month or year is over.</summary>
    public static bool IsUpcoming(Event meeting, DateOnly today) =>
        meeting.Date is { } date ? date >= today
        : meeting.Month is { } month ? (meeting.Year * 12) + month >= (today.Year * 12) + today.Month
        : meeting.Year >= today.Year;
}
