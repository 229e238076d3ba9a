using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VarBot.Protocol.Connector;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Hosting;

/// <summary>
/// Bounded queue between the HTTP endpoint (which answers 202 at once) and <see cref="ActivityQueueWorker"/>. One
/// conversation holds at most <see cref="BotOptions.MaxQueuedPerConversation"/> places, so a flood in one chat (or a
/// chat whose connector is slow) gets 429 while the others keep their share.
/// </summary>
internal sealed class ActivityQueue(IOptions<BotOptions> options)
{
    private readonly Channel<Activity> _channel = Channel.CreateBounded<Activity>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleWriter = false,
        SingleReader = false,
    });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _perConversation = new(StringComparer.Ordinal);

    public bool TryEnqueue(Activity activity)
    {
        var conversation = activity.Conversation?.Id ?? "";
        if (_perConversation.AddOrUpdate(conversation, 1, (_, n) => n + 1) > options.Value.MaxQueuedPerConversation || !_channel.Writer.TryWrite(activity))
        {
            Done(activity);
            return false;
        }

        return true;
    }

    /// <summary>Gives the activity's place back to its conversation once a worker took it.</summary>
    public void Done(Activity activity)
    {
        var conversation = activity.Conversation?.Id ?? "";
        if (_perConversation.AddOrUpdate(conversation, 0, (_, n) => n - 1) <= 0)
        {
            _perConversation.TryRemove(new KeyValuePair<string, int>(conversation, 0));
        }
    }

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
                queue.Done(activity);
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
