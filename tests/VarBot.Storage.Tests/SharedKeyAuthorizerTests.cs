using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace VarBot.Storage.Tests;

public sealed class SharedKeyAuthorizerTests
{
    [Fact]
    public void BuildStringToSign_PutWithConditionAndQuery_FollowsTheSpecLayout()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/varbot/models/a%20b.json?timeout=30&comp=x");
        request.Headers.Add("x-ms-version", "2025-01-05");
        request.Headers.Add("x-ms-date", "Mon, 23 Nov 2026 00:00:00 GMT");
        request.Headers.Add("X-MS-Blob-Type", "BlockBlob");
        request.Headers.TryAddWithoutValidation("If-Match", "\"0x8D\"");
        request.Content = new ByteArrayContent("hello"u8.ToArray());
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        var stringToSign = SharedKeyAuthorizer.BuildStringToSign(request, "devstoreaccount1");

        const string expected =
            "PUT\n\n\n5\n\napplication/json\n\n\n\"0x8D\"\n\n\n\n" +
            "x-ms-blob-type:BlockBlob\nx-ms-date:Mon, 23 Nov 2026 00:00:00 GMT\nx-ms-version:2025-01-05\n" +
            "/devstoreaccount1/devstoreaccount1/varbot/models/a%20b.json\ncomp:x\ntimeout:30";
        Assert.Equal(expected, stringToSign);
    }

    [Fact]
    public void BuildStringToSign_EmptyBody_LeavesContentLengthEmpty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://acct.blob.core.windows.net/varbot?restype=container");
        request.Headers.Add("x-ms-version", "2025-01-05");

        var stringToSign = SharedKeyAuthorizer.BuildStringToSign(request, "acct");

        Assert.Equal("PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-version:2025-01-05\n/acct/varbot\nrestype:container", stringToSign);
    }

    [Fact]
    public async Task AuthorizeAsync_AnyRequest_SignsWithHmacSha256OfTheKey()
    {
        var key = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());
        var authorizer = new SharedKeyAuthorizer("acct", key);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://acct.blob.core.windows.net/varbot/x");
        request.Headers.Add("x-ms-version", "2025-01-05");

        await authorizer.AuthorizeAsync(request, CancellationToken.None);

        var expected = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes(SharedKeyAuthorizer.BuildStringToSign(request, "acct"))));
        Assert.Equal("SharedKey", request.Headers.Authorization!.Scheme);
        Assert.Equal("acct:" + expected, request.Headers.Authorization.Parameter);
    }
}
