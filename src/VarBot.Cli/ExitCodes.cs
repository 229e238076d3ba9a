namespace VarBot.Cli;

/// <summary>Exit codes of every varbot command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The seeds or the model have validation errors.</summary>
    public const int ValidationErrors = 1;

    /// <summary>Wrong arguments, or the environment is not usable (missing folder, unreachable storage).</summary>
    public const int UsageOrEnvironment = 2;
}
