
namespace ProductFlow.Model;

/// <summary>One value of an attribute, in its scope.</summary>
/// <remarks>
/// <para>A value is keyed by <see cref="Attribute"/>, <see cref="Locale"/>, <see cref="Channel"/> and, for
/// prices, <see cref="Currency"/>. A metric value carries its <see cref="Unit"/>. <see cref="Data"/> is the canonical text: numbers in invariant
/// form (<c>12.5</c>), booleans <c>true</c>/<c>false</c>, options by code, multi-selects as codes
/// joined by <c>,</c>. The origin is lineage, not content: it is not part of the content hash.</para>
/// <para>The value holds its origin's parts itself, not an origin object: a mapped row has a value per cell, and an origin object
/// beside each one was ~40% of what mapping a row allocated. <see cref="Origin"/> makes the object when asked (explain, history);
/// the store's lineage and the rules read the parts (<see cref="OriginFeed"/>, <see cref="OriginColumn"/>, ...) and change them
/// with <see cref="ChangedBy(string)"/>. Two values are equal when their origins are, as before.</para>
/// </remarks>
public sealed record ProductValue
{
    // ValueOrigin.Line is a long?; no line is this value (lines start at 1).
    private const long NoLine = long.MinValue;

    public ProductValue(string Attribute, string? Locale, string? Channel, string Data, ValueOrigin Origin)
    {
        this.Attribute = Attribute;
        this.Locale = Locale;
        this.Channel = Channel;
        this.Data = Data;
        this.Origin = Origin;
    }

    /// <summary>A value read from a cell of <paramref name="feed"/> (at <paramref name="line"/>, <paramref name="column"/>), changed by <paramref name="rule"/> when it is given.</summary>
    internal ProductValue(string attribute, string? locale, string? channel, string data, string feed, long line, string column, string? rule)
    {
        Attribute = attribute;
        Locale = locale;
        Channel = channel;
        Data = data;
        OriginFeed = feed;
        OriginLineOrNone = line;
        OriginColumn = column;
        OriginRule = rule;
    }

    public string Attribute { get; init; }

    public string? Locale { get; init; }

    public string? Channel { get; init; }

    public string Data { get; init; }

    public string? Currency { get; init; }

    /// <summary>The unit of a metric value (<c>kg</c>, <c>cm</c>, ...); stored values are in the attribute's unit.</summary>
    public string? Unit { get; init; }

    /// <summary>Where the value came from; a new object at each call, made from the parts the value holds.</summary>
    public ValueOrigin Origin
    {
        get => new() { Source = OriginSource, Feed = OriginFeed, Line = OriginLine, Column = OriginColumn, Rule = OriginRule };
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            OriginSource = value.Source;
            OriginFeed = value.Feed;
            OriginLineOrNone = value.Line ?? NoLine;
            OriginColumn = value.Column;
            OriginRule = value.Rule;
        }
    }

    /// <summary><see cref="ValueOrigin.Source"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginSource { get; private init; }

    /// <summary><see cref="ValueOrigin.Feed"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginFeed { get; private init; }

    /// <summary><see cref="ValueOrigin.Line"/> of <see cref="Origin"/>, read without making it.</summary>
    public long? OriginLine => OriginLineOrNone == NoLine ? null : OriginLineOrNone;

    /// <summary><see cref="ValueOrigin.Column"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginColumn { get; private init; }

    /// <summary><see cref="ValueOrigin.Rule"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginRule { get; private init; }

    private long OriginLineOrNone { get; init; } = NoLine;

    /// <summary>This value, its origin changed by <paramref name="rule"/> (<see cref="ValueOrigin.ChangedBy"/>): the cell stays known.</summary>
    public ProductValue ChangedBy(string rule) => this with { OriginRule = rule };

    /// <summary>This value with <paramref name="data"/>, its origin changed by <paramref name="rule"/>.</summary>
    public ProductValue ChangedBy(string rule, string data) => this with { Data = data, OriginRule = rule };

    /// <summary>This value converted to <paramref name="unit"/> (<paramref name="data"/> in it) by <paramref name="rule"/>, which its origin names.</summary>
    public ProductValue ConvertedBy(string rule, string data, string unit) => this with { Data = data, Unit = unit, OriginRule = rule };

    /// <summary>This value, its origin's source set to <paramref name="source"/> (null: none, the store then gives the source that stores it).</summary>
    public ProductValue WithSource(string? source) => this with { OriginSource = source };
}
