namespace ProductFlow.Model;

/// <summary>A data problem found while reading, mapping or checking a record.</summary>
/// <remarks>
/// Issues are values, never exceptions. <see cref="Channel"/> is <c>null</c> for a record-level issue
/// (an error keeps the record out of the store) and names the channel for a channel-level issue
/// (an error keeps the record off that channel only).
/// </remarks>
public sealed record Issue(Severity Severity, string Rule, string Message)
{
    public string? Sku { get; init; }

    public string? Feed { get; init; }

    public long? Line { get; init; }

    /// <summary>The source column, exactly as the feed's header writes it.</summary>
    public string? Column { get; init; }

    /// <summary>The canonical field: an attribute code, or <c>sku</c>, <c>parent</c>, <c>family</c>, <c>categories</c>, <c>enabled</c>.</summary>
    public string? Field { get; init; }

    public string? Value { get; init; }

    public string? Channel { get; init; }
}
