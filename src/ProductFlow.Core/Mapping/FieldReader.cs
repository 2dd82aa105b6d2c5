using ProductFlow.Connectors;
using ProductFlow.Model;
using ProductFlow.Pipelines.Transforms;
using ProductFlow.Pipelines;

namespace ProductFlow.Mapping;

/// <summary>One compiled <see cref="ColumnMapping"/>: the column index (or the template's) resolved once per feed, the transformations and the value map ready.</summary>
internal sealed class FieldReader
{
    private readonly int _index;
    private readonly string? _constant;
    private readonly Dictionary<string, string>? _map;
    private readonly bool _keepEmpty;
    private readonly int _unitIndex;
    private readonly FieldTransforms _transforms;
    private readonly RowTemplate.Bound? _template;

    public FieldReader(ColumnMapping mapping, FeedHeader header)
        : this(mapping, FieldTransforms.None, header)
    {
    }

    /// <param name="mapping">The field's mapping.</param>
    /// <param name="transforms">Its transformations, compiled once per run.</param>
    /// <param name="header">The feed's header.</param>
    public FieldReader(ColumnMapping mapping, FieldTransforms transforms, FeedHeader header)
    {
        Mapping = mapping;
        _transforms = transforms;
        _constant = mapping.Constant;
        _index = mapping.Column is null ? -1 : header.IndexOf(mapping.Column);
        _template = transforms.Template?.Bind(header);
        Column = _index >= 0 ? header.Columns[_index] : _template?.Display;
        CellOrigin = Column is null ? null : new ColumnOrigin(Column);
        _unitIndex = mapping.UnitColumn is null ? -1 : header.IndexOf(mapping.UnitColumn);
        _keepEmpty = string.Equals(mapping.OnEmpty, "keep", StringComparison.Ordinal);
        Slot = mapping.Attribute is null ? null : ValueSlot.Of(mapping.Attribute, mapping.Locale, mapping.Channel, mapping.Currency);
        if (mapping.Map.Count > 0)
        {
            _map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (from, to) in mapping.Map)
            {
                _map[from.Trim()] = to;
            }
        }
    }

    public ColumnMapping Mapping { get; }

    /// <summary>The slot of the values this field gives (its mapping's attribute, locale, channel and currency); <c>null</c> for a field that is no attribute.</summary>
    public ValueSlot? Slot { get; }

    /// <summary>The column exactly as the feed's header writes it, or a template's columns (<c>Navn + Farge</c>); <c>null</c> for a constant.</summary>
    public string? Column { get; }

    /// <summary>The origin that the values of <see cref="Column"/>'s cells share; <c>null</c> for a constant.</summary>
    public ColumnOrigin? CellOrigin { get; }

    /// <summary>The indexes of the columns <see cref="Read(SourceRow)"/> reads: its template's, else its column's (none for a constant or a column the header lacks).</summary>
    public IEnumerable<int> ColumnIndexes => (_template is not null ? _template.Indexes : _constant is null ? [_index] : []).Where(i => i >= 0);

    /// <summary>The unit of a metric value: the row's unit column, else the mapping's constant unit.</summary>
    public string? ReadUnit(SourceRow row) =>
        _unitIndex >= 0 && row[_unitIndex].Trim() is { Length: > 0 } unit ? unit : Mapping.Unit;

    /// <summary>Reads the field: <c>null</c> for "no value" (an empty cell, unless the mapping keeps empties).</summary>
    public string? Read(SourceRow row) => Read(row, out _);

    /// <summary>Reads the field through its transformations; <paramref name="rule"/> names those that made or changed the text (lineage), or is <c>null</c>.</summary>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A regular expression of the mapping ran too long on this row.</exception>
    public string? Read(SourceRow row, out string? rule)
    {
        rule = null;
        var raw = _template is not null ? _template.Render(row) ?? "" : _constant ?? (_index >= 0 ? row[_index] : "");
        if (raw.Length > 0 && !_transforms.IsEmpty)
        {
            raw = _transforms.Apply(raw, out rule) ?? "";
        }

        if (raw.Length == 0)
        {
            return _keepEmpty ? "" : null;
        }

        return _map is not null && _map.TryGetValue(raw.Trim(), out var mapped) ? mapped : raw;
    }
}
