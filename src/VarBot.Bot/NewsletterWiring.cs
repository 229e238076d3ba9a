using System.Security.Cryptography;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Newsletter;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Hosting;

namespace VarBot.Bot;

public static class NewsletterWiring
{
    /// <summary>
    /// The newsletter's subscribe/confirm/unsubscribe pages, fed by the same hot-reloaded model as the bot; a new model
    /// becomes current only if this month's nieuwsbrief composes from it.
    /// </summary>
    public static IServiceCollection AddVarBotNewsletter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<INewsletterModelSource, KnowledgeNewsletterModelSource>();
        services.AddSingleton<IModelCheck, NewsletterComposerCheck>();
        return services.AddNewsletter(configuration);
    }

    /// <summary>
    /// On local defaults only: a signing key for subscription links made up per process when none is configured, so a
    /// newcomer's host starts (links then stop working after a restart, which is fine on a laptop).
    /// </summary>
    internal static void UseLocalNewsletterKey(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["Newsletter:SigningKey"]))
        {
            configuration["Newsletter:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }
    }

    private sealed class KnowledgeNewsletterModelSource(IKnowledgeModelSource source) : INewsletterModelSource
    {
        public KnowledgeModel Current => source.Current ?? throw new KnowledgeModelUnavailableException("No knowledge model is loaded yet.");
    }

    /// <summary>Composes this month's default issue from a new model before it may become current (issue 9).</summary>
    private sealed class NewsletterComposerCheck(IssueComposer composer, TimeProvider time) : IModelCheck
    {
        public string Name => "newsletter composer";

        public void Check(KnowledgeModel model) => composer.Compose(model, IssueMonth.Of(IssueSchedule.Today(time)));
    }
}
