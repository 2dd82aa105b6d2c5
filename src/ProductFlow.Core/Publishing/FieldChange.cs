namespace ProductFlow.Publishing;

/// <summary>One field of a record that a publish changes: its text before and after (null when absent).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
