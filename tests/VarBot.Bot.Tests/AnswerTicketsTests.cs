using System.Buffers.Text;
using System.Text;
using VarBot.Bot.Feedback;

namespace VarBot.Bot.Tests;

/// <summary>The signed answer a feedback button carries: read back as issued, anything altered or foreign reads as none.</summary>
public sealed class AnswerTicketsTests
{
    private static readonly AnswerTickets Tickets = new(Encoding.UTF8.GetBytes("test-only-signing-key-of-32-bytes!!"));
    private static readonly AnsweredQuestion Answer = new("0123456789abcdef", "Wat is de begroting voor 2026? \"€\" <b> & ‮ 😀", "BudgetLine", true);

    [Fact]
    public void Issue_ThenRead_GivesTheAnswerBackAndTheTicketIsSafeInCardJson()
    {
        var ticket = Tickets.Issue(Answer);

        Assert.Equal(Answer, Tickets.Read(ticket));
        Assert.Equal(Answer.AnswerId, AnswerTickets.IdOf(ticket));
        Assert.All(ticket, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', $"'{c}' in {ticket}"));
    }

    [Fact]
    public void Read_OfATicketWithAnotherQuestion_IsNone()
    {
        var parts = Tickets.Issue(Answer).Split('.');
        var other = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"q":"Iets anders","i":"BudgetLine","a":true}"""));

        Assert.Null(Tickets.Read($"{parts[0]}.{other}.{parts[2]}"));
        Assert.Null(Tickets.Read($"fedcba9876543210.{parts[1]}.{parts[2]}")); // another answer's id under this signature
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef")] // a bare id: cards sent before tickets
    [InlineData("0123456789abcdef..")]
    [InlineData(".x.y")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("a.!!!.AAAAAAAAAAAAAAAAAAAAAA")]
    public void Read_OfSomethingNotIssued_IsNone(string? value) => Assert.Null(Tickets.Read(value));

    [Fact]
    public void Read_OfATicketOfAnotherDeploymentOrCut_IsNone()
    {
        var ticket = Tickets.Issue(Answer);
        var other = new AnswerTickets(Encoding.UTF8.GetBytes("another-deployment-key-of-32-bytes!"));

        Assert.Null(other.Read(ticket));
        Assert.Null(Tickets.Read(ticket[..^1]));
        Assert.Null(Tickets.Read(ticket + "A"));
        Assert.Null(Tickets.Read(ticket + new string('A', AnswerTickets.MaxTicketLength)));
    }

}
