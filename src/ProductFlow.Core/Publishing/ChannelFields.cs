using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;

namespace ProductFlow.Publishing;

/// <summary>The fields a channel publishes of a record, as text: what a publish compares with the current version.</summary>
/// <remarks>
/// A channel with configured columns publishes those columns' values; another publishes its whole channel view
/// (family, categories, groups, associations and every attribute resolved for its locale and currency); an <c>akeneo-csv</c> channel
/// publishes every value in every scope (its cells). A change to any of them changes the record.
/// </remarks>
public sealed class ChannelFields
{
    private static readonly string[] RecordFields = ["family", "categories", "groups", "associations"];

    private const int Shapes = 16; // the field sets kept (see NamesOf)

    private readonly ChannelView _view;
    private readonly ProductCatalog _catalog;
    private readonly bool _akeneo;
    private readonly string[] _fields;
    private readonly string?[] _texts; // reused by RowOf: one ChannelFields per channel of a publish, never shared between threads
    private readonly int[] _present; // reused by RowOf: the indexes of _texts that have a text
    private readonly List<(int[] Present, SnapshotNames Names)> _shapes = []; // the names of the fields rows had, shared by rows with the same
    private int _lastShape;

    /// <param name="view">The channel's view of records: a publish shares it with the channel's writer, so each record is resolved once.</param>
    public ChannelFields(ChannelView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var channel = view.Channel;
        var catalog = view.Catalog;
        _view = view;
        _catalog = catalog;
        _akeneo = channel.Kind == Channels.Akeneo.AkeneoCsvWriter.Kind;
        var fields = channel.Columns.Count > 0
            ? channel.Columns.Select(c => c.Value)
            : RecordFields.Concat(catalog.Attributes.Select(a => a.Code));
        _fields = fields.Where(f => f is not ("sku" or "parent")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _texts = new string?[_fields.Length];
        _present = new int[_fields.Length];
    }

    public SnapshotRow RowOf(ProductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_akeneo)
        {
            // An Akeneo export carries every value in every scope, not one channel's view: its cells are what it publishes.
            var cells = Channels.Akeneo.AkeneoCells.Of(record, _catalog).Where(c => c.Key is not ("sku" or "code" or "parent")).ToList();
            cells.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return new SnapshotRow(record.Sku, record.Parent, cells);
        }

        _view.Texts(record, _fields, _texts);
        var count = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            if (_texts[i] is not null)
            {
                _present[count++] = i;
            }
        }

        // Exactly as many as the record has: a row lives until its group is written, and most records have a few of the catalog's fields.
        var texts = count == 0 ? [] : new string[count];
        for (var i = 0; i < count; i++)
        {
            texts[i] = _texts[_present[i]]!;
        }

        return new SnapshotRow(record.Sku, record.Parent, NamesOf(_present.AsSpan(0, count)), texts);
    }

    /// <summary>The names of the fields at <paramref name="present"/> (indexes of <c>_fields</c>): one for every row with those fields.</summary>
    private SnapshotNames NamesOf(ReadOnlySpan<int> present)
    {
        for (var k = 0; k < _shapes.Count; k++)
        {
            var (indexes, known) = _shapes[(_lastShape + k) % _shapes.Count]; // the last shape first: a model's records have the same fields, as a rule
            if (present.SequenceEqual(indexes))
            {
                _lastShape = (_lastShape + k) % _shapes.Count;
                return known;
            }
        }

        var names = new string[present.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _fields[present[i]];
        }

        // A few shapes are kept: records differ in which fields they have by family and by the odd missing value.
        var shape = (present.ToArray(), new SnapshotNames(names));
        if (_shapes.Count < Shapes)
        {
            _shapes.Add(shape);
            _lastShape = _shapes.Count - 1;
        }
        else
        {
            _lastShape = (_lastShape + 1) % Shapes;
            _shapes[_lastShape] = shape;
        }

        return shape.Item2;
    }
}
