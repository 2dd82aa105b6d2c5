using ProductFlow.Connectors;
using ProductFlow.Pipelines;

namespace ProductFlow.Mapping;

/// <summary>One compiled <see cref="ColumnMapping"/>: the column index resolved once per feed, the value map ready.</summary>
internal sealed class FieldReader
{
    private readonly int _index;
    private readonly string? _constant;
    private readonly Dictionary<string, string>? _map;
    private readonly bool _keepEmpty;
    private readonly int _unitIndex;

    public FieldReader(ColumnMapping mapping, FeedHeader header)
    {
        Mapping = mapping;
        _constant = mapping.Constant;
        _index = mapping.Column is null ? -1 : header.IndexOf(mapping.Column);
        Column = _index >= 0 ? header.Columns[_index] : null;
        _unitIndex = mapping.UnitColumn is null ? -1 : header.IndexOf(mapping.UnitColumn);
        _keepEmpty = string.Equals(mapping.OnEmpty, "keep", StringComparison.Ordinal);
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

    /// <summary>The column exactly as the feed's header writes it; <c>null</c> for a constant.</summary>
    public string? Column { get; }

    /// <summary>The unit of a metric value: the row's unit column, else the mapping's constant unit.</summary>
    public string? ReadUnit(SourceRow row) =>
        _unitIndex >= 0 && row[_unitIndex].Trim() is { Length: > 0 } unit ? unit : Mapping.Unit;

    /// <summary>Reads the field: <c>null</c> for "no value" (an empty cell, unless the mapping keeps empties).</summary>
    public string? Read(SourceRow row)
    {
        var raw = _constant ?? (_index >= 0 ? row[_index] : "");
        if (raw.Length == 0)
        {
            return _keepEmpty ? "" : null;
        }

        return _map is not null && _map.TryGetValue(raw.Trim(), out var mapped) ? mapped : raw;
    }
}
