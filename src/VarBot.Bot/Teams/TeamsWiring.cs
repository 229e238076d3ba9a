using Microsoft.Extensions.Options;
using VarBot.Bot.Teams.Cards;
using VarBot.Bot.Teams.Channels;
using VarBot.Bot.Teams.Delivery;
using VarBot.Bot.Teams.Reminders;
using VarBot.Bot.Teams.Search;

namespace VarBot.Bot.Teams;

public static class TeamsWiring
{
    /// <summary>
    /// Teams features (issue 12): channel and group chat rules, opt-in reminders (section "Reminders"), the search
    /// extension, cards that refresh, and nieuwsbrief posts to channels (section "Teams"). The routes are in ActivityRouter.
    /// </summary>
    public static IServiceCollection AddVarBotTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptionsValidator>();

        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<EventCards>();
        services.AddSingleton<EventsCardRefresh>();
        services.AddSingleton<ReminderMembers>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<SentIssues>();

        services.AddSingleton<NotAddressedHandler>();
        services.AddSingleton<ChannelInfoHandler>();
        services.AddSingleton<ReminderCommandHandler>();
        services.AddSingleton<CardRefreshHandler>();
        services.AddSingleton<MessageExtensionHandler>();
        services.AddSingleton<WhatsNewHandler>();

        services.AddHostedService<ReminderService>();
        services.AddHostedService<NewsletterChannelPoster>();
        return services;
    }
}
