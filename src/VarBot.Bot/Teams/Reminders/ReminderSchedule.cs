using VarBot.Knowledge.Model;

namespace VarBot.Bot.Teams.Reminders;

/// <summary>One reminder: <see cref="DaysBefore"/> days before <see cref="Event"/>.</summary>
internal sealed record DueReminder(Event Event, int DaysBefore)
{
    /// <summary>The send log's name for this reminder to one member.</summary>
    public string LogName(string memberKey) => $"teams/reminders/sent/{Event.Id}/{DaysBefore}d/{memberKey}.json";
}

/// <summary>
/// Which reminders are due on a day. A reminder <c>d</c> days before an event is due from that day until the next,
/// closer reminder is due (the last one until the event): a host that was down on the day still sends it late, but never
/// two reminders for one event at once, and none after the event.
/// </summary>
internal static class ReminderSchedule
{
    public static IReadOnlyList<DueReminder> Due(KnowledgeModel model, DateOnly today, RemindersOptions options)
    {
        var days = options.DaysBefore.Order().ToArray();
        var due = new List<DueReminder>();
        foreach (var meeting in model.Events)
        {
            if (meeting.Date is not { } date || meeting.Status == EventStatus.Cancelled || !options.EventTypes.Contains(meeting.Type) || date < today)
            {
                continue;
            }

            var daysUntil = date.DayNumber - today.DayNumber;
            // The closest reminder whose day has come: the smallest d with d >= daysUntil.
            foreach (var d in days)
            {
                if (d >= daysUntil)
                {
                    due.Add(new DueReminder(meeting, d));
                    break;
                }
            }
        }

        return due;
    }
}
