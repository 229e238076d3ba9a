using Microsoft.Extensions.Logging;

namespace VarBot.Knowledge;

/// <summary>Every log line of VarBot.Knowledge (event ids 3000-3999).</summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Model blob {Blob} written")]
    public static partial void ModelBlobWritten(ILogger logger, string blob);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Model blob {Blob} already exists; keeping it")]
    public static partial void ModelBlobExisted(ILogger logger, string blob);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Model pointer moved from {Previous} to {Version} (attempt {Attempt})")]
    public static partial void PointerMoved(ILogger logger, string previous, string version, int attempt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Model pointer changed while publishing {Version} (attempt {Attempt}); retrying")]
    public static partial void PointerRaced(ILogger logger, string version, int attempt);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Model {Version} is already current")]
    public static partial void AlreadyCurrent(ILogger logger, string version);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Knowledge model {Version} loaded from {Source} (was {Previous})")]
    public static partial void ModelLoaded(ILogger logger, string source, string version, string previous);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Knowledge model could not be refreshed from {Source}; still serving {Current}: {Reason}")]
    public static partial void LoadFailed(ILogger logger, string source, string current, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "A ModelChanged handler threw")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Polling {Source} for new knowledge models every {Interval}")]
    public static partial void Started(ILogger logger, string source, TimeSpan interval);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "Unexpected failure while refreshing the knowledge model")]
    public static partial void Unexpected(ILogger logger, Exception exception);
}
