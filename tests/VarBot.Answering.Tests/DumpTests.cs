using Xunit.Abstractions;

namespace VarBot.Answering.Tests;

public sealed class DumpTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var m = RealModel.Model;
        foreach (var o in m.Organisation) output.WriteLine($"ORG {o.Year} {o.Kind} {o.Value} | {o.Detail}");
        foreach (var t in m.Themes) output.WriteLine($"THEME {t.Id} {t.Name} {t.IsCurrent} [{string.Join(",", t.Aliases)}] [{string.Join(",", t.FormerNames)}] -> {t.SucceededBy}");
        foreach (var e in m.Events) output.WriteLine($"EVENT {e.Id} {e.Type} {e.Title} | {e.Topic} | {e.Date} {e.Year}-{e.Month} {e.Status}");
        foreach (var b in m.Budgets) { output.WriteLine($"BUDGET {b.Id} {b.Year} {b.Kind} {b.Total}"); foreach (var l in b.Lines) output.WriteLine($"   {l.Side} {l.Kind} {l.Label} = {l.Amount} {l.AmountText}"); }
        foreach (var p in m.Monitoring) output.WriteLine($"MON {p.Kind} {p.Title} {p.Year} {p.When} {p.Performer}");
        output.WriteLine($"PASSAGES {m.Passages.Count}");
    }
}
