using Microsoft.Playwright;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;
using Xunit.Abstractions;

namespace VarBot.Bot.Tests.Teams;

public sealed class PlaygroundExplore(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Explore()
    {
        await using var host = new BotHostFactory(azurite, AzuriteFixture.UniqueContainerName("explore"));
        using var client = await host.StartAsync();
        var botUrl = new Uri(client.BaseAddress!, "/api/messages");
        var port = LocalServer.FreePort();
        using var playground = LocalServer.Start("agentsplayground",
            ["-e", botUrl.ToString(), "-c", "msteams", "-p", port.ToString(), "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry"],
            [port],
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none", ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true", ["NODE_OPTIONS"] = "--require " + Path.Combine(RepoPaths.Tools, "loopback-only.js") });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } })).NewPageAsync();
        await page.RouteAsync("**/*", route => Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var u) && (u.IsLoopback || u.Scheme is "data" or "blob") ? route.ContinueAsync() : route.AbortAsync());
        await page.GotoAsync($"http://127.0.0.1:{port}/");
        await page.WaitForSelectorAsync(".ac-adaptiveCard", new PageWaitForSelectorOptions { Timeout = 90000 });
        var dir = "/tmp/pg";
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = dir + "/1.png" });
        var script = Environment.GetEnvironmentVariable("PG_SCRIPT");
        if (script is not null && File.Exists(script))
        {
            foreach (var line in File.ReadAllLines(script))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var (cmd, arg) = (line.Split(' ', 2)[0], line.Split(' ', 2).ElementAtOrDefault(1) ?? "");
                try
                {
                    switch (cmd)
                    {
                        case "click": await page.Locator(arg).First.ClickAsync(new LocatorClickOptions { Timeout = 10000 }); break;
                        case "fill": var p = arg.Split(" => ", 2); await page.Locator(p[0]).First.FillAsync(p[1], new LocatorFillOptions { Timeout = 10000 }); break;
                        case "press": var q = arg.Split(" => ", 2); await page.Locator(q[0]).First.PressAsync(q[1]); break;
                        case "fill-type": await page.Keyboard.TypeAsync(arg); break;
                        case "html": File.WriteAllText(dir + "/html-" + arg + ".txt", await page.EvaluateAsync<string>("() => [...document.querySelectorAll('*')].filter(e => e.children.length < 3 && /Patti/.test(e.innerText||'')).map(e => e.outerHTML.slice(0, 600)).join('\\n----\\n')")); break;
                        case "wait": await Task.Delay(int.Parse(arg)); break;
                        case "shot": await page.ScreenshotAsync(new PageScreenshotOptions { Path = dir + "/" + arg + ".png" }); break;
                        case "buttons":
                            var items = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('button,[role=button],[role=menuitem],[role=tab],input,[role=option]')].map(b => (b.tagName+' aria='+(b.getAttribute('aria-label')||'')+' title='+(b.getAttribute('title')||'')+' ph='+(b.getAttribute('placeholder')||'')+' text='+(b.innerText||'').slice(0,40)).replace(/\\n/g,' '))");
                            File.WriteAllLines(dir + "/buttons-" + arg + ".txt", items); break;
                        case "text": File.WriteAllText(dir + "/text-" + arg + ".txt", await page.Locator("body").InnerTextAsync()); break;
                    }
                }
                catch (Exception e)
                {
                    File.AppendAllText(dir + "/errors.txt", line + " => " + e.Message.Split('\n')[0] + "\n");
                }
            }
        }
    }
}
