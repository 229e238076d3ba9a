using System.Text;
using VarBot.Bot.Answers;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Calendar;

namespace VarBot.Bot.Agenda;

/// <summary>GET /agenda/{eventId}.ics: one event as an RFC 5545 calendar file ("Zet in mijn agenda").</summary>
internal static class AgendaEndpoints
{
    public static IEndpointRouteBuilder MapAgenda(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/agenda/{file}", GetEventFile).WithDisplayName("Agenda .ics");
        return endpoints;
    }

    private static IResult GetEventFile(string file, IBotKnowledge knowledge, IcsWriter writer)
    {
        if (!file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) || knowledge.Model is not { } model)
        {
            return Results.NotFound();
        }

        var id = file[..^4];
        var found = model.Events.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
        if (found is null || !IcsWriter.CanWrite(found))
        {
            return Results.Text(BotTexts.CalendarFileNotFound, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        return Results.File(Encoding.UTF8.GetBytes(writer.Write(found)), IcsWriter.ContentType, IcsWriter.FileName(found));
    }
}
