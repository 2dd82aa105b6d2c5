namespace ProductFlow.Model;

/// <summary>Where a value came from: a cell of a feed, or the rule that set it.</summary>
public sealed record ValueOrigin
{
    public string? Feed { get; init; }

    public long? Line { get; init; }

    public string? Column { get; init; }

    public string? Rule { get; init; }

    public static ValueOrigin FromCell(string feed, long line, string column) => new() { Feed = feed, Line = line, Column = column };

    public static ValueOrigin FromRule(string rule) => new() { Rule = rule };
}
