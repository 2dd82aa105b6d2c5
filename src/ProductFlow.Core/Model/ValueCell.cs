namespace ProductFlow.Model;

/// <summary>One value as its record holds it: slot, data, unit and origin in place, with no object of its own.</summary>
/// <remarks>
/// <para>A record keeps its values as cells in one array (<see cref="ProductValues.Cells"/>): the mapper writes a cell per mapped
/// column, and a rule that changes a value replaces its cell where it is (<see cref="ProductValues.Set"/>). A
/// <see cref="ProductValue"/> is the same value as an object, made when one is asked for (explain, history, tests, a value kept
/// beside its record); the stages that go over every value of every row read the cells.</para>
/// <para>A value read from a cell of a feed holds the cell's line itself, and shares one origin object per feed and column (and
/// per rule that changed it) for the rest; any other value holds its whole origin. <see cref="Origin"/> makes a cell's origin
/// when asked; the parts (<see cref="OriginFeed"/>, <see cref="OriginColumn"/>, ...) are read without making it.</para>
/// <para>A cell is four words (32 bytes): its slot, origin, line, and its data, or for the few values with a unit one small object
/// holding data and unit together.</para>
/// </remarks>
public readonly struct ValueCell : IEquatable<ValueCell>
{
    // The origin, or for a value held as a cell (_line > 0) the origin of its feed's column, shared: Feed, Column, and the Source
    // and Rule if any, never a Line.
    private readonly ValueOrigin _origin;
    private readonly long _line;

    // The data, or for a value with a unit (few have one) its data and unit together: a cell is 32 bytes, not 40.
    private readonly object _value;

    /// <summary>A value of <paramref name="slot"/> whose whole origin is <paramref name="origin"/>.</summary>
    internal ValueCell(ValueSlot slot, string data, string? unit, ValueOrigin origin)
    {
        Slot = slot ?? throw new ArgumentNullException(nameof(slot));
        _value = Value(data, unit);
        _origin = origin ?? throw new ArgumentNullException(nameof(origin));
    }

    /// <summary>
    /// A value read from a cell when <paramref name="column"/> is given: <paramref name="origin"/> is then the origin of its feed
    /// (<see cref="ValueOrigin.OfFeed"/>, shared by the feed's values) and <paramref name="line"/> the cell's. Without a column,
    /// <paramref name="origin"/> is the value's whole origin.
    /// </summary>
    internal ValueCell(ValueSlot slot, string data, string? unit, ValueOrigin origin, long line, string? column)
        : this(slot, data, unit, column is null ? origin : line > 0 ? origin with { Column = column } : origin with { Line = line, Column = column })
    {
        if (column is not null && line > 0)
        {
            _line = line;
        }
    }

    /// <summary>A value read from a cell at <paramref name="line"/> (1 or more) of the column whose cells share <paramref name="columnOrigin"/> (<see cref="ColumnOrigin"/>).</summary>
    internal ValueCell(ValueSlot slot, string data, string? unit, ValueOrigin columnOrigin, long line)
        : this(slot, line > 0 ? columnOrigin : columnOrigin with { Line = line }, line > 0 ? line : 0, data, unit)
    {
    }

    // A value as this struct holds it: a cell's shared origin and its line (> 0), or a whole origin and line 0.
    private ValueCell(ValueSlot slot, ValueOrigin origin, long line, string data, string? unit)
        : this(slot, data, unit, origin)
    {
        _line = line;
    }

    // A copy of a value's data and unit as they are held, with this slot, origin and line.
    private ValueCell(ValueSlot slot, ValueOrigin origin, long line, object value)
    {
        Slot = slot;
        _origin = origin;
        _line = line;
        _value = value;
    }

    /// <summary>The value's attribute, locale, channel and currency, as one shared object (see <see cref="ValueSlot"/>).</summary>
    internal ValueSlot Slot { get; }

    // The empty cell (default) has no slot, no data and no origin: its names and origin's parts read as null.
    public string Attribute => Slot?.Attribute!;

    public string? Locale => Slot?.Locale;

    public string? Channel => Slot?.Channel;

    public string? Currency => Slot?.Currency;

    public string Data => _value is string data ? data : (_value as Measured)?.Data!;

    /// <summary>The unit of a metric value (<c>kg</c>, <c>cm</c>, ...); stored values are in the attribute's unit.</summary>
    public string? Unit => (_value as Measured)?.Unit;

    /// <summary>Whether this is a value at all: the default cell holds none.</summary>
    public bool IsEmpty => Slot is null;

    /// <summary>Where the value came from. A cell's is made at each call from the parts the value holds.</summary>
    public ValueOrigin Origin => _line == 0 ? _origin : _origin with { Line = _line };

    /// <summary><see cref="ValueOrigin.Source"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginSource => _origin?.Source;

    /// <summary><see cref="ValueOrigin.Feed"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginFeed => _origin?.Feed;

    /// <summary><see cref="ValueOrigin.Line"/> of <see cref="Origin"/>, read without making it.</summary>
    public long? OriginLine => _line == 0 ? _origin?.Line : _line;

    /// <summary><see cref="ValueOrigin.Column"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginColumn => _origin?.Column;

    /// <summary><see cref="ValueOrigin.Rule"/> of <see cref="Origin"/>, read without making it.</summary>
    public string? OriginRule => _origin?.Rule;

    /// <summary>This value as an object.</summary>
    public ProductValue ToValue() => new(this);

    /// <summary>This value in <paramref name="slot"/>.</summary>
    internal ValueCell In(ValueSlot slot) => new(slot ?? throw new ArgumentNullException(nameof(slot)), _origin, _line, _value);

    /// <summary>This value with <paramref name="data"/>, its origin unchanged.</summary>
    public ValueCell WithData(string data) => new(Slot, _origin, _line, data, Unit);

    /// <summary>This value with <paramref name="unit"/>, its origin unchanged.</summary>
    public ValueCell WithUnit(string? unit) => new(Slot, _origin, _line, Data, unit);

    /// <summary>This value with <paramref name="origin"/> as its whole origin.</summary>
    public ValueCell WithOrigin(ValueOrigin origin) => new(Slot, origin ?? throw new ArgumentNullException(nameof(origin)), 0, _value);

    /// <summary>This value, its origin changed by <paramref name="rule"/> (<see cref="ValueOrigin.ChangedBy"/>): the cell stays known.</summary>
    public ValueCell ChangedBy(string rule) => Changed(rule, _value);

    /// <summary>This value with <paramref name="data"/>, its origin changed by <paramref name="rule"/>.</summary>
    public ValueCell ChangedBy(string rule, string data) => Changed(rule, Value(data, Unit));

    /// <summary>This value converted to <paramref name="unit"/> (<paramref name="data"/> in it) by <paramref name="rule"/>, which its origin names.</summary>
    public ValueCell ConvertedBy(string rule, string data, string unit) => Changed(rule, Value(data, unit));

    /// <summary>This value, its origin's source set to <paramref name="source"/> (null: none, the store then gives the source that stores it).</summary>
    public ValueCell WithSource(string? source) => WithOrigin(Origin with { Source = source });

    // A cell's value changed by a rule stays a cell: its column's origin with the rule is shared, and the line stays here.
    private ValueCell Changed(string rule, object value) =>
        new(Slot, _line == 0 ? _origin.ChangedBy(rule) : _origin.SharedWithRule(rule), _line, value);

    private static object Value(string data, string? unit) => unit is null ? data : new Measured(data, unit);

    public bool Equals(ValueCell other) =>
        ValueSlot.Same(Slot, other.Slot)
        && string.Equals(Data, other.Data, StringComparison.Ordinal)
        && string.Equals(Unit, other.Unit, StringComparison.Ordinal)
        && string.Equals(OriginSource, other.OriginSource, StringComparison.Ordinal)
        && string.Equals(OriginFeed, other.OriginFeed, StringComparison.Ordinal)
        && OriginLine == other.OriginLine
        && string.Equals(OriginColumn, other.OriginColumn, StringComparison.Ordinal)
        && string.Equals(OriginRule, other.OriginRule, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ValueCell other && Equals(other);

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

    public static bool operator ==(ValueCell left, ValueCell right) => left.Equals(right);

    public static bool operator !=(ValueCell left, ValueCell right) => !left.Equals(right);

    private sealed record Measured(string Data, string Unit);
}
