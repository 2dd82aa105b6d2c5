
namespace ProductFlow.Model;

/// <summary>One value of an attribute, in its scope.</summary>
/// <remarks>
/// <para>A value is keyed by <see cref="Attribute"/>, <see cref="Locale"/>, <see cref="Channel"/> and, for
/// prices, <see cref="Currency"/>. A metric value carries its <see cref="Unit"/>. <see cref="Data"/> is the canonical text: numbers in invariant
/// form (<c>12.5</c>), booleans <c>true</c>/<c>false</c>, options by code, multi-selects as codes
/// joined by <c>,</c>. The origin is lineage, not content: it is not part of the content hash.</para>
/// <para>A value read from a cell holds the cell's column and line itself and shares one origin object per feed for the rest: a
/// mapped row has a value per cell, and an origin object beside each one was ~40% of what mapping a row allocated. Any other
/// value holds its origin object, which values share (a rule's, the store's). <see cref="Origin"/> makes a cell's origin when
/// asked (explain, history); the store's lineage and the rules read the parts (<see cref="OriginFeed"/>, <see cref="OriginColumn"/>,
/// ...) and change them with <see cref="ChangedBy(string)"/>. Two values are equal when their origins' parts are, however held.</para>
/// <para>The attribute, locale, channel and currency are held as one shared <see cref="ValueSlot"/>; setting one of them (<c>with</c>)
/// gives the value the slot of the new names.</para>
/// </remarks>
public sealed record ProductValue
{
    // The origin, or for a value held as a cell (_column set) the origin of its feed: Feed, and Source if any, nothing else.
    private readonly ValueOrigin _origin;
    private readonly string? _column;
    private readonly long _line;
    private readonly ValueSlot _slot;

    public ProductValue(string Attribute, string? Locale, string? Channel, string Data, ValueOrigin Origin)
        : this(ValueSlot.Of(Attribute, Locale, Channel, currency: null), Data, Origin)
    {
    }

    /// <summary>A value of <paramref name="slot"/> (its attribute, locale, channel and currency).</summary>
    internal ProductValue(ValueSlot slot, string data, ValueOrigin origin)
    {
        _slot = slot ?? throw new ArgumentNullException(nameof(slot));
        Data = data;
        _origin = origin ?? throw new ArgumentNullException(nameof(origin));
    }

    /// <summary>
    /// A value read from a cell when <paramref name="column"/> is given: <paramref name="origin"/> is then the origin of its feed
    /// (<see cref="ValueOrigin.OfFeed"/>, shared by the feed's values) and <paramref name="line"/> the cell's. Without a column,
    /// <paramref name="origin"/> is the value's whole origin.
    /// </summary>
    internal ProductValue(ValueSlot slot, string data, ValueOrigin origin, long line, string? column)
        : this(slot, data, origin)
    {
        if (column is not null)
        {
            _line = line;
            _column = column;
        }
    }

    public string Attribute
    {
        get => _slot.Attribute;
        init => _slot = ValueSlot.Of(value, _slot.Locale, _slot.Channel, _slot.Currency);
    }

    public string? Locale
    {
        get => _slot.Locale;
        init => _slot = ValueSlot.Of(_slot.Attribute, value, _slot.Channel, _slot.Currency);
    }

    public string? Channel
    {
        get => _slot.Channel;
        init => _slot = ValueSlot.Of(_slot.Attribute, _slot.Locale, value, _slot.Currency);
    }

    public string Data { get; init; }

    public string? Currency
    {
        get => _slot.Currency;
        init => _slot = ValueSlot.Of(_slot.Attribute, _slot.Locale, _slot.Channel, value);
    }

    /// <summary>The value's attribute, locale, channel and currency, as one shared object (see <see cref="ValueSlot"/>).</summary>
    internal ValueSlot Slot => _slot;

    /// <summary>The unit of a metric value (<c>kg</c>, <c>cm</c>, ...); stored values are in the attribute's unit.</summary>
    public string? Unit { get; init; }

    /// <summary>Where the value came from. A cell's is made at each call from the parts the value holds.</summary>
    public ValueOrigin Origin
    {
        get => _column is null ? _origin : CellOrigin(rule: null);
        init
        {
            _origin = value ?? throw new ArgumentNullException(nameof(value));
            _column = null;
            _line = 0;
        }
    }

    /// <summary><see cref="ValueOrigin.Source"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginSource => _origin.Source;

    /// <summary><see cref="ValueOrigin.Feed"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginFeed => _origin.Feed;

    /// <summary><see cref="ValueOrigin.Line"/> of <see cref="Origin"/>, read without making it.</summary>
    public long? OriginLine => _column is null ? _origin.Line : _line;

    /// <summary><see cref="ValueOrigin.Column"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginColumn => _column ?? _origin.Column;

    /// <summary><see cref="ValueOrigin.Rule"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginRule => _column is null ? _origin.Rule : null;

    /// <summary>This value, its origin changed by <paramref name="rule"/> (<see cref="ValueOrigin.ChangedBy"/>): the cell stays known.</summary>
    public ProductValue ChangedBy(string rule) => this with { Origin = OriginChangedBy(rule) };

    /// <summary>This value with <paramref name="data"/>, its origin changed by <paramref name="rule"/>.</summary>
    public ProductValue ChangedBy(string rule, string data) => this with { Data = data, Origin = OriginChangedBy(rule) };

    /// <summary>This value converted to <paramref name="unit"/> (<paramref name="data"/> in it) by <paramref name="rule"/>, which its origin names.</summary>
    public ProductValue ConvertedBy(string rule, string data, string unit) => this with { Data = data, Unit = unit, Origin = OriginChangedBy(rule) };

    /// <summary>This value, its origin's source set to <paramref name="source"/> (null: none, the store then gives the source that stores it).</summary>
    public ProductValue WithSource(string? source) => this with { Origin = Origin with { Source = source } };

    // A cell's origin changed by a rule is made once, not made as it is and then copied with the rule.
    private ValueOrigin OriginChangedBy(string rule) => _column is null ? _origin.ChangedBy(rule) : CellOrigin(rule);

    private ValueOrigin CellOrigin(string? rule) => new() { Source = _origin.Source, Feed = _origin.Feed, Line = _line, Column = _column, Rule = rule };

    public bool Equals(ProductValue? other) =>
        ReferenceEquals(this, other) || (other is not null
            && ValueSlot.Same(_slot, other._slot)
            && string.Equals(Data, other.Data, StringComparison.Ordinal)
            && string.Equals(Unit, other.Unit, StringComparison.Ordinal)
            && string.Equals(OriginSource, other.OriginSource, StringComparison.Ordinal)
            && string.Equals(OriginFeed, other.OriginFeed, StringComparison.Ordinal)
            && OriginLine == other.OriginLine
            && string.Equals(OriginColumn, other.OriginColumn, StringComparison.Ordinal)
            && string.Equals(OriginRule, other.OriginRule, StringComparison.Ordinal));

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Attribute, StringComparer.Ordinal);
        hash.Add(Locale, StringComparer.Ordinal);
        hash.Add(Channel, StringComparer.Ordinal);
        hash.Add(Data, StringComparer.Ordinal);
        hash.Add(Currency, StringComparer.Ordinal);
        hash.Add(Unit, StringComparer.Ordinal);
        hash.Add(OriginSource, StringComparer.Ordinal);
        hash.Add(OriginFeed, StringComparer.Ordinal);
        hash.Add(OriginLine);
        hash.Add(OriginColumn, StringComparer.Ordinal);
        hash.Add(OriginRule, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
