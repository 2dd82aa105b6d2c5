
namespace ProductFlow.Model;

/// <summary>One value of an attribute, in its scope.</summary>
/// <remarks>
/// <para>A value is keyed by <see cref="Attribute"/>, <see cref="Locale"/>, <see cref="Channel"/> and, for
/// prices, <see cref="Currency"/>. A metric value carries its <see cref="Unit"/>. <see cref="Data"/> is the canonical text: numbers in invariant
/// form (<c>12.5</c>), booleans <c>true</c>/<c>false</c>, options by code, multi-selects as codes
/// joined by <c>,</c>. The origin is lineage, not content: it is not part of the content hash.</para>
/// <para>A value is a <see cref="ValueCell"/> as an object: a record holds its values as cells (<see cref="ProductValues.Cells"/>)
/// and makes a value when one is asked for. <see cref="Origin"/> makes a cell's origin when asked (explain, history); the parts
/// (<see cref="OriginFeed"/>, <see cref="OriginColumn"/>, ...) are read without making it. Two values are equal when their origins'
/// parts are, however held.</para>
/// <para>The attribute, locale, channel and currency are held as one shared <see cref="ValueSlot"/>; setting one of them (<c>with</c>)
/// gives the value the slot of the new names.</para>
/// </remarks>
public sealed record ProductValue
{
    private readonly ValueCell _cell;

    public ProductValue(string Attribute, string? Locale, string? Channel, string Data, ValueOrigin Origin)
        : this(new ValueCell(ValueSlot.Of(Attribute, Locale, Channel, currency: null), Data, unit: null, Origin))
    {
    }

    /// <summary>A value of <paramref name="slot"/> whose whole origin is <paramref name="origin"/>.</summary>
    internal ProductValue(ValueSlot slot, string data, ValueOrigin origin)
        : this(new ValueCell(slot, data, unit: null, origin))
    {
    }

    /// <summary>A value read from a cell of a feed (see <see cref="ValueCell"/>): <paramref name="origin"/> is its feed's.</summary>
    internal ProductValue(ValueSlot slot, string data, ValueOrigin origin, long line, string? column)
        : this(new ValueCell(slot, data, unit: null, origin, line, column))
    {
    }

    /// <summary>The value <paramref name="cell"/> holds.</summary>
    internal ProductValue(ValueCell cell)
    {
        if (cell.IsEmpty)
        {
            throw new ArgumentException("An empty cell holds no value.", nameof(cell));
        }

        _cell = cell;
    }

    public string Attribute
    {
        get => _cell.Attribute;
        init => _cell = _cell.In(ValueSlot.Of(value, _cell.Locale, _cell.Channel, _cell.Currency));
    }

    public string? Locale
    {
        get => _cell.Locale;
        init => _cell = _cell.In(ValueSlot.Of(_cell.Attribute, value, _cell.Channel, _cell.Currency));
    }

    public string? Channel
    {
        get => _cell.Channel;
        init => _cell = _cell.In(ValueSlot.Of(_cell.Attribute, _cell.Locale, value, _cell.Currency));
    }

    public string Data
    {
        get => _cell.Data;
        init => _cell = _cell.WithData(value);
    }

    public string? Currency
    {
        get => _cell.Currency;
        init => _cell = _cell.In(ValueSlot.Of(_cell.Attribute, _cell.Locale, _cell.Channel, value));
    }

    /// <summary>The value as its record holds it.</summary>
    internal ValueCell Cell => _cell;

    /// <summary>The value's attribute, locale, channel and currency, as one shared object (see <see cref="ValueSlot"/>).</summary>
    internal ValueSlot Slot => _cell.Slot;

    /// <summary>The unit of a metric value (<c>kg</c>, <c>cm</c>, ...); stored values are in the attribute's unit.</summary>
    public string? Unit
    {
        get => _cell.Unit;
        init => _cell = _cell.WithUnit(value);
    }

    /// <summary>Where the value came from. A cell's is made at each call from the parts the value holds.</summary>
    public ValueOrigin Origin
    {
        get => _cell.Origin;
        init => _cell = _cell.WithOrigin(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary><see cref="ValueOrigin.Source"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginSource => _cell.OriginSource;

    /// <summary><see cref="ValueOrigin.Feed"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginFeed => _cell.OriginFeed;

    /// <summary><see cref="ValueOrigin.Line"/> of <see cref="Origin"/>, read without making it.</summary>
    public long? OriginLine => _cell.OriginLine;

    /// <summary><see cref="ValueOrigin.Column"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginColumn => _cell.OriginColumn;

    /// <summary><see cref="ValueOrigin.Rule"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginRule => _cell.OriginRule;

    /// <summary>This value, its origin changed by <paramref name="rule"/> (<see cref="ValueOrigin.ChangedBy"/>): the cell stays known.</summary>
    public ProductValue ChangedBy(string rule) => new(_cell.ChangedBy(rule));

    /// <summary>This value with <paramref name="data"/>, its origin changed by <paramref name="rule"/>.</summary>
    public ProductValue ChangedBy(string rule, string data) => new(_cell.ChangedBy(rule, data));

    /// <summary>This value converted to <paramref name="unit"/> (<paramref name="data"/> in it) by <paramref name="rule"/>, which its origin names.</summary>
    public ProductValue ConvertedBy(string rule, string data, string unit) => new(_cell.ConvertedBy(rule, data, unit));

    /// <summary>This value, its origin's source set to <paramref name="source"/> (null: none, the store then gives the source that stores it).</summary>
    public ProductValue WithSource(string? source) => new(_cell.WithSource(source));

    public bool Equals(ProductValue? other) => ReferenceEquals(this, other) || (other is not null && _cell.Equals(other._cell));

    public override int GetHashCode() => _cell.GetHashCode();
}
