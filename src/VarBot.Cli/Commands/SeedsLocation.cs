using System.CommandLine;
using Spectre.Console;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;

namespace VarBot.Cli.Commands;

/// <summary>The shared --seeds option and how a seeds folder is found when it is not given.</summary>
internal static class SeedsLocation
{
    public static Option<string?> CreateOption() => new("--seeds")
    {
        Description = CliTexts.Seeds.Option,
        HelpName = CliTexts.HelpNames.Folder,
    };

    /// <summary>Returns the full path of the seeds folder, or null after writing a Dutch message that says what to do.</summary>
    public static string? Resolve(string? given, CliEnvironment environment)
    {
        if (given is not null)
        {
            var full = Path.GetFullPath(given, environment.CurrentDirectory);
            if (Directory.Exists(full))
            {
                return full;
            }

            environment.Console.MarkupLine($"[red]{CliTexts.Seeds.FolderMissing(Markup.Escape(full))}[/] {CliTexts.Seeds.FolderMissingHint}");
            return null;
        }

        for (var dir = new DirectoryInfo(environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        environment.Console.MarkupLine(
            $"[red]{CliTexts.Seeds.NotFound(Markup.Escape(environment.CurrentDirectory))}[/] {CliTexts.Seeds.NotFoundHint}");
        return null;
    }

    /// <summary>A seed file as the user can open it: relative to the current directory when that is shorter.</summary>
    public static string Display(string seedsDirectory, string relativeFile, CliEnvironment environment)
    {
        var full = Path.GetFullPath(Path.Combine(seedsDirectory, relativeFile));
        var relative = Path.GetRelativePath(environment.CurrentDirectory, full);
        return relative.Length < full.Length ? relative : full;
    }

    /// <summary>Finds the seeds folder (see <see cref="Resolve"/>) and imports it; null after a Dutch message.</summary>
    public static SeedsImport? Load(string? given, CliEnvironment environment)
    {
        var seeds = Resolve(given, environment);
        return seeds is not null && Import(seeds, environment) is { } result ? new SeedsImport(seeds, result) : null;
    }

    /// <summary>
    /// <see cref="Load"/>, then prints what was read per report and, when the seeds have errors, each error with file
    /// and line. The caller says what the errors mean for its command.
    /// </summary>
    public static SeedsImport? LoadAndPrint(string? given, CliEnvironment environment)
    {
        if (Load(given, environment) is not { } import)
        {
            return null;
        }

        ModelSummary.Print(import.Result.Model, import.Result.Issues, environment);
        if (import.Result.HasErrors)
        {
            IssuePrinter.Print(import.Result.Issues.Where(i => i.Severity == IssueSeverity.Error), import.Directory, environment);
        }

        return import;
    }

    /// <summary>Runs the importer; a missing or unreadable seed file is an environment error (null, after a Dutch message).</summary>
    private static ImportResult? Import(string seedsDirectory, CliEnvironment environment)
    {
        try
        {
            return KnowledgeImporter.Import(seedsDirectory);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            var missing = (ex as FileNotFoundException)?.FileName ?? ex.Message;
            environment.Console.MarkupLine(
                $"[red]{CliTexts.Seeds.FileMissing}[/] {CliTexts.Seeds.FileMissingDetail(Markup.Escape(missing))}");
            return null;
        }
        catch (InvalidSeedFileException ex)
        {
            environment.Console.MarkupLine(
                $"[red]{CliTexts.Seeds.InvalidYaml(Markup.Escape(ex.Path), ex.Line)}[/] {CliTexts.Seeds.InvalidYamlDetail(Markup.Escape(ex.Detail))}");
            return null;
        }
        catch (IOException ex)
        {
            environment.Console.MarkupLine($"[red]{CliTexts.Seeds.Unreadable}[/] {CliTexts.Seeds.UnreadableDetail(Markup.Escape(ex.Message))}");
            return null;
        }
    }
}

/// <summary>An imported seeds folder: where it is (to show file names) and what the importer made of it.</summary>
internal sealed record SeedsImport(string Directory, ImportResult Result);
