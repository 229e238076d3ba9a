using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Import;
using VarBot.Newsletter;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Templates.Views;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>
/// Prints: compose + render 1,400 and 100,000 personal digests (HTML and text, streamed, never all held), and
/// sending 1,400 digests to maildev over 8 pooled MailKit connections next to the server's own ceiling measured in the
/// same run (raw SMTP over 8 sockets with TCP_NODELAY), with the ratio (target: at least 80 %).
/// </summary>
public static class NewsletterBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var large = args.Contains("--quick") ? 10_000 : 100_000;
        var links = new NewsletterLinks("https://bot.var.test");
        var model = Model();
        var issue = new IssueComposer(links).Compose(model, IssueMonth.Parse("2026-03"));
        await using var renderer = new NewsletterRenderer();
        await renderer.RenderHtmlAsync(View(issue, 0)); // first render: ~40 ms of Razor start-up

        await RenderAsync(renderer, issue, 1_400, "render 1.400 digests");
        await RenderAsync(renderer, issue, large, $"render {large:N0} digests");

        using var maildev = new MailDevFixture();
        var messages = new MessageFactory(new NewsletterOptions { FromAddress = "nieuwsbrief@var.test" });
        var html = await renderer.RenderHtmlAsync(View(issue, 1));
        var text = NewsletterRenderer.RenderText(View(issue, 1));
        // The ceiling first, then MailKit, then the ceiling again: the busier of the two ceiling runs would flatter MailKit.
        var raw = RawMessage(text, html);
        var ceiling1 = await RawCeilingAsync(maildev.SmtpPort, raw);
        TimeSpan mailKit;
        await using (var mailer = new SmtpMailer(new SmtpOptions { Host = "127.0.0.1", Port = maildev.SmtpPort, Connections = 8, Security = SmtpSecurity.None }, "var.test"))
        {
            // Each digest is its own MimeMessage (headers, multipart/alternative, quoted-printable), as the sender builds it.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, 1_400), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                using var message = messages.Create($"b{i}@example.org", null, issue.Subject, text, html, messages.MessageId("2026-03", i.ToString()), "https://bot.var.test/x");
                await mailer.SendAsync(message, ct);
            });
            mailKit = watch.Elapsed;
            // CPU this process spent: on a busy machine the wall time of the MailKit run (which builds and encodes every
            // message) suffers more than the raw ceiling (which writes prepared bytes); this shows how much work it was.
            Console.WriteLine($"    MailKit run used {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds:N0} ms CPU for 1.400 mails");
        }

        var ceiling2 = await RawCeilingAsync(maildev.SmtpPort, raw);
        var ceiling = ceiling1 < ceiling2 ? ceiling1 : ceiling2;
        Print("send 1.400 via MailKit x8 (pooled)", mailKit, 1_400);
        Print("send 1.400 raw SMTP x8 (server ceiling)", ceiling, 1_400);
        var ratio = ceiling.TotalSeconds / mailKit.TotalSeconds;
        Console.WriteLine($"    MailKit {1_400 / mailKit.TotalSeconds:N0} mails/s vs ceiling {1_400 / ceiling.TotalSeconds:N0} mails/s (best of 2 ceiling runs): {ratio:P0} of the ceiling (target >= 80 %)");
        return 0;
    }

    /// <summary>The server's ceiling: the same mails as raw SMTP over 8 sockets with TCP_NODELAY, one command at a time.</summary>
    private static async Task<TimeSpan> RawCeilingAsync(int port, string raw)
    {
        var ceiling = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (c, ct) =>
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync("127.0.0.1", port, ct);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await ReplyAsync(reader);
            await CommandAsync(stream, reader, "EHLO bench");
            for (var i = c; i < 1_400; i += 8)
            {
                await CommandAsync(stream, reader, "MAIL FROM:<nieuwsbrief@var.test>");
                await CommandAsync(stream, reader, $"RCPT TO:<r{i}@example.org>");
                await CommandAsync(stream, reader, "DATA");
                await CommandAsync(stream, reader, raw + "\r\n.");
            }

            await CommandAsync(stream, reader, "QUIT");
        });
        return ceiling.Elapsed;
    }

    private static async Task RenderAsync(NewsletterRenderer renderer, NewsletterIssue issue, int count, string label)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            // Streamed: each digest is rendered, measured and dropped, as a sender would hand it to SMTP.
            var view = View(issue, i);
            bytes += (await renderer.RenderHtmlAsync(view)).Length + NewsletterRenderer.RenderText(view).Length;
        }

        Print(label, watch.Elapsed, count);
        Console.WriteLine($"    {bytes / count:N0} chars per digest, allocated {(GC.GetTotalAllocatedBytes() - before) / 1_048_576:N0} MB in all, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MB");
    }

    private static DigestView View(NewsletterIssue issue, int i)
    {
        var themes = issue.Themes.Where((_, t) => (i >> t & 1) == 1).Select(t => t.Id).ToList();
        return new DigestView(issue, themes, i % 3 == 0 ? null : $"Abonnee {i}", $"https://bot.var.test/nieuwsbrief/afmelden?token=t{i}", "https://bot.var.test/nieuwsbrief");
    }

    private static void Print(string label, TimeSpan elapsed, int count) =>
        Console.WriteLine($"{label,-42} {elapsed.TotalMilliseconds,10:N0} ms  {count / elapsed.TotalSeconds,10:N0} /s");

    private static string RawMessage(string text, string html)
    {
        var body = $"From: <nieuwsbrief@var.test>\r\nTo: <x@example.org>\r\nSubject: bench\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n--b--";
        return string.Join("\r\n", body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.StartsWith('.') ? "." + l : l));
    }

    private static async Task CommandAsync(NetworkStream stream, StreamReader reader, string line)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
        await ReplyAsync(reader);
    }

    private static async Task ReplyAsync(StreamReader reader)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync() ?? throw new IOException("SMTP connection closed");
        }
        while (line.Length > 3 && line[3] == '-');
        if (line[0] is not ('2' or '3'))
        {
            throw new IOException("SMTP error: " + line);
        }
    }

    /// <summary>The model the importer builds from the repository's seeds (reports, news, themes).</summary>
    private static KnowledgeModel Model() => KnowledgeImporter.Import(RepoPaths.Seeds).Model;
}
