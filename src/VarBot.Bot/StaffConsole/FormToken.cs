namespace VarBot.Bot.StaffConsole;

/// <summary>The antiforgery request token a page puts in each of its forms; the POST handlers validate it.</summary>
public sealed record FormToken(string FieldName, string Value);
