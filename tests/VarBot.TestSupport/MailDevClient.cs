using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace VarBot.TestSupport;

/// <summary>
/// maildev's REST API (GET /email, GET /email/{id}/source, DELETE /email/all). maildev answers 250 before it stores a
/// mail, so the waiting methods poll with a deadline.
/// </summary>
public sealed class MailDevClient(MailDevFixture maildev) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = maildev.WebApi };

    public async Task ClearAsync() => (await _http.DeleteAsync("email/all")).EnsureSuccessStatusCode();

    public Task<List<JsonElement>> AllAsync() => NewerThanAsync(0);

    /// <summary>Mails stored after the first <paramref name="skip"/>.</summary>
    public async Task<List<JsonElement>> NewerThanAsync(int skip) =>
        (await _http.GetFromJsonAsync<List<JsonElement>>(skip == 0 ? "email" : $"email?skip={skip}"))!;

    /// <summary>The raw message (headers and MIME body) of one stored mail.</summary>
    public async Task<string> SourceAsync(string id) => await _http.GetStringAsync($"email/{id}/source");

    /// <summary>Polls until at least <paramref name="count"/> mails are stored and no more arrive; at the deadline, returns what is there.</summary>
    public async Task<List<JsonElement>> WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var mails = await AllAsync();
        while (true)
        {
            if (mails.Count >= count)
            {
                // Settle: make sure nothing more is arriving.
                await Task.Delay(50);
                var again = await AllAsync();
                if (again.Count == mails.Count)
                {
                    return again;
                }

                mails = again;
                continue;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return mails;
            }

            await Task.Delay(25);
            await FetchNewerAsync(mails);
        }
    }

    /// <summary>Polls until at least <paramref name="count"/> stored mails match; at the deadline, returns the matches there are.</summary>
    public async Task<List<JsonElement>> WaitForAsync(Func<JsonElement, bool> match, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var mails = await AllAsync();
        while (true)
        {
            var found = mails.Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            await Task.Delay(50);
            await FetchNewerAsync(mails);
        }
    }

    /// <summary>Polls until the count has not changed for <paramref name="quiet"/>, i.e. maildev has stored what it accepted.</summary>
    public async Task<List<JsonElement>> SettledAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var mails = await AllAsync();
        var stableSince = watch.Elapsed;
        while (watch.Elapsed < timeout)
        {
            await Task.Delay(25);
            if (await FetchNewerAsync(mails) > 0)
            {
                stableSince = watch.Elapsed;
            }
            else if (watch.Elapsed - stableSince >= quiet)
            {
                // Quiet: the whole list once more, as maildev has it (the answer is never pieced together).
                var all = await AllAsync();
                if (all.Count == mails.Count)
                {
                    return all;
                }

                mails = all;
                stableSince = watch.Elapsed;
            }
        }

        return mails;
    }

    /// <summary>
    /// Appends the mails stored after those in <paramref name="mails"/> and returns how many. maildev's list only grows
    /// between clears, so a poll asks for the new ones only (GET /email?skip=N): fetching and parsing every stored mail
    /// (hundreds of newsletters of tens of kilobytes) every 25 ms cost the machine more than the sends under test.
    /// </summary>
    private async Task<int> FetchNewerAsync(List<JsonElement> mails)
    {
        var newer = await NewerThanAsync(mails.Count); // skip=0 (nothing known yet) is the whole list
        mails.AddRange(newer);
        return newer.Count;
    }

    /// <summary>The first recipient's address.</summary>
    public static string To(JsonElement mail) => mail.GetProperty("to")[0].GetProperty("address").GetString()!;

    /// <summary>Whether any recipient is <paramref name="address"/> (case-insensitive).</summary>
    public static bool IsTo(JsonElement mail, string address) =>
        mail.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase));

    /// <summary>A header's value as maildev reports it, or null.</summary>
    public static string? Header(JsonElement mail, string name)
    {
        foreach (var header in mail.GetProperty("headers").EnumerateObject())
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString() : header.Value.ToString();
            }
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}
