using Microsoft.Extensions.Time.Testing;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Newsletter.Tests;

public sealed class TokenTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private const string Key1 = "0123456789abcdef0123456789abcdef";

    private const string Key2 = "fedcba9876543210fedcba9876543210";

    private SubscriptionTokens Tokens => new(Convert.FromBase64String(Harness.SigningKey), _time);

    [Fact]
    public void Check_FreshToken_Valid()
    {
        var token = Tokens.Create(TokenPurpose.Confirm, Key1, TimeSpan.FromDays(3));

        Assert.Equal(TokenCheck.Valid, Tokens.Check(token, TokenPurpose.Confirm, out var key));
        Assert.Equal(Key1, key);
    }

    [Fact]
    public void Check_AfterLifetime_Expired()
    {
        var token = Tokens.Create(TokenPurpose.Confirm, Key1, TimeSpan.FromDays(3));
        _time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromSeconds(2));

        Assert.Equal(TokenCheck.Expired, Tokens.Check(token, TokenPurpose.Confirm, out _));
    }

    [Fact]
    public void Check_TamperedPayload_BadSignature()
    {
        var token = Tokens.Create(TokenPurpose.Unsubscribe, Key1, TimeSpan.FromDays(3));
        var other = Tokens.Create(TokenPurpose.Unsubscribe, Key2, TimeSpan.FromDays(3));
        var forged = other.Split('.')[0] + "." + token.Split('.')[1];

        Assert.Equal(TokenCheck.BadSignature, Tokens.Check(forged, TokenPurpose.Unsubscribe, out _));
        Assert.Equal(TokenCheck.Malformed, Tokens.Check("zomaar", TokenPurpose.Unsubscribe, out _));
    }

    [Fact]
    public void Check_OtherPurpose_WrongPurpose()
    {
        var token = Tokens.Create(TokenPurpose.Unsubscribe, Key1, TimeSpan.FromDays(3));

        Assert.Equal(TokenCheck.WrongPurpose, Tokens.Check(token, TokenPurpose.Confirm, out _));
    }
}
