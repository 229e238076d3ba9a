using Microsoft.Extensions.Logging;

namespace VarBot.Storage;

/// <summary>Every log line of VarBot.Storage (event ids 2000-2999). Never a key, signature, token or SDK error text.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Blob storage {Operation} on container {Container} failed: HTTP {Status} {ErrorCode} (blob '{Blob}')")]
    public static partial void RequestFailed(ILogger logger, string operation, string container, string blob, int status, string errorCode);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Blob storage {Operation} on container {Container} could not reach {Host}: {Reason}")]
    public static partial void Unreachable(ILogger logger, string operation, string container, string host, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Blob storage {Operation} on container {Container} timed out talking to {Host}")]
    public static partial void TimedOut(ILogger logger, string operation, string container, string host);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Blob storage {Operation} on container {Container}: no Entra ID token ({ExceptionType})")]
    public static partial void CredentialFailed(ILogger logger, string operation, string container, string exceptionType);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "The lease on blob {Blob} could not be renewed ({ExceptionType}); its holder stops")]
    public static partial void LeaseLost(ILogger logger, string blob, string exceptionType);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "The lease on blob {Blob} could not be released ({ExceptionType}); it expires by itself")]
    public static partial void LeaseReleaseFailed(ILogger logger, string blob, string exceptionType);
}
