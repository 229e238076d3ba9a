using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VarBot.Newsletter.Issues;

namespace VarBot.Newsletter.Composition;

public static class EditorialServiceCollectionExtensions
{
    /// <summary>The editorial rules, drafts and approval (section "Newsletter:Editorial"); needs the issue store and renderer.</summary>
    public static IServiceCollection AddEditorial(this IServiceCollection services, IConfiguration configuration)
    {
        // A host registers its configuration; a CLI run or a test container may not.
        services.TryAddSingleton(configuration);
        services.AddOptions<EditorialOptions>().BindConfiguration(EditorialOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new IssueComposer(sp.GetRequiredService<NewsletterLinks>(), sp.GetRequiredService<IOptions<EditorialOptions>>().Value));
        services.AddSingleton(sp => new IssueEditor(
            sp.GetRequiredService<IssueComposer>(),
            sp.GetRequiredService<NewsletterRenderer>(),
            sp.GetRequiredService<NewsletterLinks>(),
            sp.GetRequiredService<IssueStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<EditorialOptions>>().Value));
        return services;
    }
}
