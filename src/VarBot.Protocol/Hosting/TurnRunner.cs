using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Hosting;

/// <summary>Runs the bot's handler for one turn; the one place where a failing turn is logged and answered with an apology.</summary>
internal sealed class TurnRunner(IOptions<BotOptions> options, ILogger<TurnRunner> logger)
{
    public async Task RunAsync(IBotHandler handler, TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        logger.ActivityText(activity.Text);
        try
        {
            await handler.OnActivityAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            logger.TurnFailed(exception, activity.Id, activity.Conversation?.Id);
            await SendApologyAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendApologyAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = options.Value.TurnErrorText;
        try
        {
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                await turn.SendInvokeResponseAsync(InvokeResponse.Message(text), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await turn.SendActivityAsync(turn.Activity.CreateReply(text), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.ErrorReplyFailed(exception, turn.Activity.Id, turn.Activity.Conversation?.Id);
        }
    }
}
