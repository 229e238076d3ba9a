using System.Globalization;
using System.Text;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Handlers;

/// <summary>Dutch notation for amounts ("€ 420.000") and dates ("23 maart 2026"); month names come from the lexicon.</summary>
internal sealed class DutchFormat(IReadOnlyList<string> months)
{
    public static string Amount(long amount)
    {
        var digits = Math.Abs(amount).ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append('.');
            }

            builder.Append(digits[i]);
        }

        return (amount < 0 ? "€ -" : "€ ") + builder;
    }

    public static string Amount(BudgetLine line) =>
        line.Amount is { } amount ? Amount(amount) : line.AmountText ?? "onbekend";

    public string Date(DateOnly date) => $"{date.Day} {MonthName(date.Month)} {date.Year}";

    public string MonthName(int month) => months[month - 1];

    public string When(Event e) =>
        e.Date is { } date ? Date(date)
        : e.Month is { } month ? $"{MonthName(month)} {e.Year}"
        : e.Year.ToString(CultureInfo.InvariantCulture);
}
