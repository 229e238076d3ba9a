using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VarBot.Templates;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>
/// Renders digests with the in-box Razor <see cref="HtmlRenderer"/>. Thread-safe: renders go through the renderer's
/// dispatcher. An HtmlRenderer keeps every root component it rendered, so after <see cref="RendersPerRenderer"/>
/// renders it is retired (disposed once its last render finishes) and a fresh one takes over: memory stays flat
/// over 100,000 digests.
/// </summary>
public sealed class NewsletterRenderer : IAsyncDisposable
{
    internal const int RendersPerRenderer = 500;

    private readonly ServiceProvider _services;
    private readonly Lock _gate = new();
    private Generation _current;

    public NewsletterRenderer(ILoggerFactory? loggerFactory = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        // Without this, HtmlRenderer's default encoder writes "Zoë" as "Zo&#xEB;".
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        _services = services.BuildServiceProvider();
        _current = NewGeneration();
    }

    public async Task<string> RenderHtmlAsync(DigestView view)
    {
        Generation generation;
        lock (_gate)
        {
            generation = _current;
            generation.InFlight++;
            if (++generation.Uses >= RendersPerRenderer)
            {
                generation.Retired = true;
                _current = NewGeneration();
            }
        }

        try
        {
            return await generation.Renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(Nieuwsbrief.View)] = view });
                var output = await generation.Renderer.RenderComponentAsync<Nieuwsbrief>(parameters);
                return output.ToHtmlString();
            });
        }
        finally
        {
            bool dispose;
            lock (_gate)
            {
                dispose = --generation.InFlight == 0 && generation.Retired;
            }

            if (dispose)
            {
                await generation.Renderer.DisposeAsync();
            }
        }
    }

    public static string RenderText(DigestView view) => TextDigestWriter.Write(view);

    public async ValueTask DisposeAsync()
    {
        await _current.Renderer.DisposeAsync();
        await _services.DisposeAsync();
    }

    private Generation NewGeneration() => new(new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>()));

    private sealed class Generation(HtmlRenderer renderer)
    {
        public HtmlRenderer Renderer { get; } = renderer;

        public int Uses { get; set; }

        public int InFlight { get; set; }

        public bool Retired { get; set; }
    }
}
