namespace ProductFlow.Model;

/// <summary>Where a value came from: a cell of a feed, the rule that set it, or a cell and the rule that changed it.</summary>
public sealed record ValueOrigin
{
    public string? Feed { get; init; }

    public long? Line { get; init; }

    public string? Column { get; init; }

    public string? Rule { get; init; }

    public static ValueOrigin FromCell(string feed, long line, string column) => new() { Feed = feed, Line = line, Column = column };

    public static ValueOrigin FromRule(string rule) => new() { Rule = rule };

    /// <summary>This origin, changed by <paramref name="rule"/> (a unit conversion, a normalisation): the cell stays known.</summary>
    public ValueOrigin ChangedBy(string rule) => this with { Rule = rule };
}
