namespace VarBot.Knowledge.Import;

/// <summary>A seed catalogue (themes.yaml, corrections.yaml) that cannot be read: which file, which line, what is wrong.</summary>
public sealed class InvalidSeedFileException(string path, int line, string detail, Exception? inner = null)
    : Exception($"{path}:{line}: {detail}", inner)
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public string Detail { get; } = detail;
}
