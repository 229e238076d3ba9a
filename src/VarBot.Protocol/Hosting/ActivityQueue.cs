using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VarBot.Protocol.Connector;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Hosting;

/// <summary>Bounded queue between the HTTP endpoint (which answers 202 at once) and <see cref="ActivityQueueWorker"/>.</summary>
internal sealed class ActivityQueue(IOptions<BotOptions> options)
{
    private readonly Channel<Activity> _channel = Channel.CreateBounded<Activity>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleWriter = false,
        SingleReader = false,
    });

    public bool TryEnqueue(Activity activity) => _channel.Writer.TryWrite(activity);

    public ChannelReader<Activity> Reader => _channel.Reader;
}

/// <summary>Processes queued activities, <see cref="BotOptions.MaxConcurrentTurns"/> at a time; replies go to the connector.</summary>
internal sealed class ActivityQueueWorker(
    ActivityQueue queue,
    IServiceScopeFactory scopes,
    ConnectorClient connector,
    TurnRunner runner,
    IOptions<BotOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentTurns).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await using var scope = scopes.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<IBotHandler>();
                var turn = new TurnContext(activity, connector.SendAsync);
                await runner.RunAsync(handler, turn, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down: activities still queued are dropped, as with any in-memory queue.
            return;
        }
    }
}
