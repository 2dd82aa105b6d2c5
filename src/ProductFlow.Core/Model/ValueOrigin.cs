namespace ProductFlow.Model;

/// <summary>Where a value came from: a cell of a feed, the rule that set it, or a cell and the rule that changed it; and the source that set it.</summary>
/// <remarks>
/// <see cref="Source"/> is the source (the pipeline) whose run stored the value: the store sets it on upsert, and the
/// catalog's source precedence decides between the values of different sources. Lineage written before sources
/// existed has none: the store then reads the product's last writing pipeline.
/// </remarks>
public sealed record ValueOrigin
{
    public string? Source { get; init; }

    public string? Feed { get; init; }

    public long? Line { get; init; }

    public string? Column { get; init; }

    public string? Rule { get; init; }

    public static ValueOrigin FromCell(string feed, long line, string column) => new() { Feed = feed, Line = line, Column = column };

    public static ValueOrigin FromRule(string rule) => new() { Rule = rule };

    [ThreadStatic]
    private static ValueOrigin? _lastFeed;

    /// <summary>The origin of <paramref name="feed"/> alone, which the values read from its cells share (<see cref="ProductValue"/>); the same object for the same feed row after row.</summary>
    internal static ValueOrigin OfFeed(string feed) =>
        _lastFeed is { } last && string.Equals(last.Feed, feed, StringComparison.Ordinal) ? last : _lastFeed = new() { Feed = feed };

    /// <summary>This origin, changed by <paramref name="rule"/> (a unit conversion, a normalisation): the cell stays known.</summary>
    public ValueOrigin ChangedBy(string rule) => this with { Rule = rule };

    [ThreadStatic]
    private static (ValueOrigin Of, string Rule, ValueOrigin Changed)[]? _changed;

    /// <summary>
    /// As <see cref="ChangedBy"/>, for a column's origin that the values of its cells share (<see cref="ColumnOrigin"/>): the same object
    /// again for the same origin and rule, so a rule that changes a value per row does not make an origin per row.
    /// </summary>
    internal ValueOrigin SharedWithRule(string rule)
    {
        var changed = _changed ??= new (ValueOrigin, string, ValueOrigin)[16];
        ref var entry = ref changed[(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this) ^ System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(rule)) & 15];
        if (!ReferenceEquals(entry.Of, this) || !ReferenceEquals(entry.Rule, rule))
        {
            entry = (this, rule, ChangedBy(rule));
        }

        return entry.Changed;
    }
}
