namespace VarBot.TestSupport;

/// <summary>Finds folders of the repository from a test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Cards => Path.Combine(Root, "cards");

    public static string Tools => Path.Combine(Root, "tools");

    public static string NodeBin(string tool) => Path.Combine(Tools, "node_modules", ".bin", tool);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VarBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VarBot.sln not found above " + AppContext.BaseDirectory);
    }
}
