using System.Text;
using System.Text.Json.Nodes;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Feedback;

/// <summary>
/// varbot feedback against Azurite, over blobs in the shape the bot host writes (feedback/{yyyy-MM-dd}/{HHmmssfff}-{kind}-{guid}.json,
/// camelCase FeedbackRecord).
/// </summary>
[Collection(StorageCommandsCollection.Name)]
public sealed class FeedbackCommandTests(AzuriteFixture azurite)
{
    private const string Unanswered = "Hoeveel fietsen zijn er in 2024 gestolen?";
    private const string Disliked = "Wat is de begroting voor 2026?";
    private const string Liked = "Wie is de voorzitter van de VAR?";
    private const string LateUnanswered = "Welke gemeenten doen mee aan het Leerhuis?";

    [Fact]
    public async Task Feedback_NoOptions_ListsUnansweredAndNegativeButNotPositive()
    {
        var container = await SeedAsync();

        var run = await RunAsync(container);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Feedback: 2 onbeantwoord, 1 niet nuttig, 1 nuttig.", run.Output, StringComparison.Ordinal);
        Assert.Contains($"2026-11-01 11:15  Onbeantwoord  {Unanswered}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Niet nuttig   {Disliked}", run.Output, StringComparison.Ordinal);
        Assert.Contains(LateUnanswered, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Liked, run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.IndexOf(Unanswered, StringComparison.Ordinal) < run.Output.IndexOf(LateUnanswered, StringComparison.Ordinal), "oldest first");
    }

    [Fact]
    public async Task Feedback_IncludePositive_ListsTheLikedAnswerToo()
    {
        var container = await SeedAsync();

        var run = await RunAsync(container, "--include-positive");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Nuttig        {Liked}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_Since_LeavesOutOlderDays()
    {
        var container = await SeedAsync();

        var run = await RunAsync(container, "--since", "2026-11-15");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Feedback vanaf 15 november 2026: 1 onbeantwoord, 1 niet nuttig, 1 nuttig.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Unanswered, run.Output, StringComparison.Ordinal);
        Assert.Contains(Disliked, run.Output, StringComparison.Ordinal);
        Assert.Contains(LateUnanswered, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_BlobWithIdentityFields_PrintsNoUserIdentity()
    {
        var container = await SeedAsync();

        var run = await RunAsync(container, "--include-positive");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(Disliked, run.Output, StringComparison.Ordinal); // the blob with the extra fields is listed
        foreach (var identity in new[] { "Alex Wilber", "user-id-0", "00000000-0000-0000-0000-0000000000aa", "a:conv-1", "tenant-1", "alex@" })
        {
            Assert.DoesNotContain(identity, run.Output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Feedback_EmptyContainer_SaysThereIsNothing()
    {
        var container = AzuriteFixture.UniqueContainerName("fb");
        await BlobContainerFactory.Create(azurite.ConnectionString, container).CreateIfNotExistsAsync();

        var run = await RunAsync(container);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Feedback: 0 onbeantwoord, 0 niet nuttig, 0 nuttig.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_ConnectionFromEnvironment_ReadsThatContainer()
    {
        var container = await SeedAsync();
        var environment = new Dictionary<string, string>
        {
            ["VARBOT_STORAGE__CONNECTIONSTRING"] = azurite.ConnectionString,
            ["VARBOT_STORAGE__CONTAINER"] = container,
        };

        var run = await CliRunner.RunAsync(RepoPaths.Root, environment, "feedback");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(Unanswered, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_BadSinceDate_ExitCode2WithDutchMessage()
    {
        var run = await RunAsync(AzuriteFixture.UniqueContainerName("fb"), "--since", "15-11-2026");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is geen datum", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_StorageUnreachable_ExitCode2WithDutchMessage()
    {
        var port = LocalServer.FreePort();
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        var run = await CliRunner.RunAsync(RepoPaths.Root, "feedback", "--connection-string", connection, "--container", "varbot");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("De opslag is niet bereikbaar", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_QuestionWithTerminalEscapes_PrintsThemHarmless()
    {
        var container = AzuriteFixture.UniqueContainerName("fb");
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        await blobs.CreateIfNotExistsAsync();
        const string hostile = "wat doet de VAR?\u001b[2J\u001b]0;pwned\u0007\u009b31m\r\ngeheim\u202Egnp.exe";
        await PutAsync(blobs, "unanswered", "2026-11-01T10:15:00Z", hostile);

        var run = await RunAsync(container);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("wat doet de VAR?", run.Output, StringComparison.Ordinal);
        foreach (var control in new[] { '\u001b', '\u0007', '\u009b', '\u202E' })
        {
            Assert.DoesNotContain(control, run.Output);
        }

        Assert.Single(run.Output.Split('\n'), line => line.Contains("wat doet de VAR?", StringComparison.Ordinal) && line.Contains("geheim", StringComparison.Ordinal));
    }

    private Task<CliRun> RunAsync(string container, params string[] args) =>
        CliRunner.RunAsync(RepoPaths.Root, ["feedback", "--connection-string", azurite.ConnectionString, "--container", container, .. args]);

    /// <summary>Four records on three days; the "down" one also carries identity fields a careless writer might add.</summary>
    private async Task<string> SeedAsync()
    {
        var container = AzuriteFixture.UniqueContainerName("fb");
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        await blobs.CreateIfNotExistsAsync();
        await PutAsync(blobs, "unanswered", "2026-11-01T10:15:00Z", Unanswered);
        await PutAsync(blobs, "up", "2026-11-15T08:00:00Z", Liked);
        var down = await PutAsync(blobs, "down", "2026-11-15T09:30:00Z", Disliked, record =>
        {
            record["from"] = new JsonObject { ["id"] = "user-id-0", ["name"] = "Alex Wilber", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" };
            record["conversationId"] = "a:conv-1";
            record["tenantId"] = "tenant-1";
            record["email"] = "alex@var.example.nl";
        });
        Assert.NotNull(down);
        await PutAsync(blobs, "unanswered", "2026-11-20T16:45:00Z", LateUnanswered);
        return container;
    }

    private static async Task<string> PutAsync(IBlobContainer blobs, string kind, string at, string question, Action<JsonObject>? extra = null)
    {
        var time = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var record = new JsonObject
        {
            ["kind"] = kind,
            ["at"] = time.ToString("O"),
            ["question"] = question,
            ["answerId"] = Guid.NewGuid().ToString("N")[..16],
            ["intent"] = kind == "unanswered" ? "unknown" : "budget",
            ["modelVersion"] = "2026-11-01T000000Z",
        };
        extra?.Invoke(record);
        var name = $"feedback/{time:yyyy-MM-dd}/{time:HHmmssfff}-{kind}-{Guid.NewGuid():N}.json";
        await blobs.PutAsync(name, Encoding.UTF8.GetBytes(record.ToJsonString()), "application/json", BlobCondition.IfNotExists);
        return name;
    }
}
