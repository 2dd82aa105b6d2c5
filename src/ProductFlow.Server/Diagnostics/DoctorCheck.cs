namespace ProductFlow.Server.Diagnostics;

/// <summary>One line of <c>productflow doctor</c>: whether the check passed, and what it found or what is wrong.</summary>
public sealed record DoctorCheck(bool Ok, string Text);
