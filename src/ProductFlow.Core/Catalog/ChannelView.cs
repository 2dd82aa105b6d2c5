using System.Numerics;
using System.Runtime.CompilerServices;
using ProductFlow.Model;
using ProductFlow.Primitives;
using ProductFlow.Primitives.Units;

namespace ProductFlow.Catalog;

/// <summary>A record as one channel sees it: each attribute resolved for the channel's locale (and currency), flattened.</summary>
/// <remarks>
/// Resolution falls back from the most specific scope to the unscoped value (see <see cref="ProductRecord.Resolve"/>).
/// In JSON, numbers and prices are numbers, booleans are booleans, multi-selects are arrays; absent values are left out.
/// A view resolves every attribute of a record in one pass (what a value's <see cref="ValueSlot"/> is to the channel, its attribute
/// and how specific it is, is worked out once per slot and then read by the slot's id) and keeps the result until the record's values change
/// (<see cref="ProductValues.Version"/>), so the rules of a channel that share a view resolve each record once. A view made to
/// keep the resolutions of more records (<see cref="GroupSize"/> for a publish, which compares a group's records first and
/// writes them after) resolves each of those once too. A view keeps buffers: one view per thread at a time.
/// </remarks>
public sealed partial class ChannelView
{
    /// <summary>The resolutions a publish's view keeps: more records than a model has variants, as a rule.</summary>
    public const int GroupSize = 64;

    // What Texts does with each field: an attribute's index, or one of these.
    private const int RecordField = -1;
    private const int OtherField = -2;

    private readonly ChannelDefinition _channel;
    private readonly ProductCatalog _catalog;
    private readonly Dictionary<string, int> _attributeIndex;
    private readonly (string? Name, int Index)[] _byReference; // _attributeIndex by the name's reference: values share their names' strings
    private readonly bool[] _media; // by attribute index: a media attribute, resolved against the channel's mediaBaseUrl
    private readonly Resolution[] _recent;
    private int _next; // the entry of _recent the next new resolution replaces
    private Resolution _current;
    private readonly (string[]? Fields, int[] Plan)[] _plans = new (string[]?, int[])[2]; // the fields Texts was last given by each of
    private int _lastPlan; // its callers (a publish's comparison and a writer, record after record), and what each field is
    private string? _categories; // the categories Text joined last, given again for the same ones: a model's records share them, as a rule
    private string? _groups; // likewise the groups
    private readonly SlotTable<int> _ranks; // what Rank gives for each slot

    /// <param name="channel">The channel.</param>
    /// <param name="catalog">The catalog the channel belongs to.</param>
    /// <param name="recent">How many records' resolutions the view keeps (each an array of the catalog's size): one for the rules, which
    /// read a record until they are done with it, <see cref="GroupSize"/> for a publish.</param>
    public ChannelView(ChannelDefinition channel, ProductCatalog catalog, int recent = 1)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfLessThan(recent, 1);
        _channel = channel;
        _catalog = catalog;
        _attributeIndex = catalog.Attributes.Select((a, i) => (a.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _byReference = new (string?, int)[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)catalog.Attributes.Count * 4))];
        _recent = [.. Enumerable.Range(0, recent).Select(_ => new Resolution(catalog.Attributes.Count))];
        _current = _recent[0];
        _ranks = new SlotTable<int>(Rank);
        _media = catalog.Attributes.Select(a => a.Type == AttributeType.Media && channel.MediaBaseUrl is not null).ToArray();
    }

    public ChannelDefinition Channel => _channel;

    public ProductCatalog Catalog => _catalog;

    /// <summary>The value of <paramref name="field"/> as text: a record field or a resolved attribute; <c>null</c> when absent.</summary>
    public string? Text(ProductRecord record, string field)
    {
        ArgumentNullException.ThrowIfNull(record);
        return field switch
        {
            "sku" => record.Sku,
            "parent" => record.Parent,
            "family" => record.Family,
            "categories" => JoinedText.Of(record.Categories, ref _categories),
            "enabled" => record.Enabled ? "true" : "false",
            "groups" => JoinedText.Of(record.Groups, ref _groups),
            "associations" => ProductAssociation.Text(record.Associations),
            _ => Present(field, ResolveCell(record, field)),
        };
    }

    /// <summary>
    /// The text of each of <paramref name="fields"/> into <paramref name="texts"/> (same index), as <see cref="Text"/> gives it,
    /// resolving the record's values in one pass instead of once per field. What each field is (a record field, an attribute) is
    /// worked out once for an array given again: a caller keeps its <paramref name="fields"/> unchanged.
    /// </summary>
    public void Texts(ProductRecord record, string[] fields, string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(texts);
        var plan = PlanOf(fields);
        var best = ResolveAll(record);
        var cells = record.Values.Cells;
        for (var i = 0; i < plan.Length; i++)
        {
            var index = plan[i];
            texts[i] = index >= 0 ? (best[index] >= 0 ? Present(index, cells[best[index]]) : null)
                : index == RecordField ? Text(record, fields[i]) : (ResolveCell(record, fields[i]) is { IsEmpty: false } cell ? cell.Data : null);
        }
    }

    /// <summary>The value of <paramref name="field"/> as a number; <c>null</c> when absent, unmapped (<c>null</c> field) or not a number.</summary>
    public decimal? Number(ProductRecord record, string? field) =>
        field is not null && Text(record, field) is { } text && CanonicalNumber.TryParse(text, out var number) ? number : null;

    /// <summary>A metric attribute's value in <paramref name="unit"/> (a unit of its family); <c>null</c> when absent or not convertible.</summary>
    public decimal? Measure(ProductRecord record, string? attribute, string unit) =>
        attribute is null ? null : Measure(record, attribute, _catalog.FindAttribute(attribute), unit);

    /// <summary>As <see cref="Measure(ProductRecord, string?, string)"/>, given the attribute's definition (<see cref="Attribute"/>), worked out once by a writer.</summary>
    internal decimal? Measure(ProductRecord record, string attribute, AttributeDefinition? definition, string unit)
    {
        if (definition is not { MetricFamily: { } family }
            || ResolveCell(record, attribute) is not { IsEmpty: false } value
            || !CanonicalNumber.TryParse(value.Data, out var number)
            || UnitTable.Find(family, value.Unit ?? definition.Unit ?? "") is not { } from
            || UnitTable.Find(family, unit) is not { } to)
        {
            return null;
        }

        return UnitTable.Convert(number, from, to);
    }

    /// <summary>The labels of an option value's codes (a multi-select's joined by <c>,</c>) in the channel's locale; a code without a label stays as it is.</summary>
    public string? Labels(AttributeDefinition attribute, string? codes)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (codes is null)
        {
            return null;
        }

        return string.Join(',', codes.Split(',').Select(code => attribute.Options.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal))?.LabelOrCode(_channel.Locale) ?? code));
    }

    /// <summary>The catalog's definition of <paramref name="attribute"/>, if it is one.</summary>
    public AttributeDefinition? Attribute(string attribute) => _catalog.FindAttribute(attribute);

    /// <summary>Every attribute that has a value for the channel, in catalog order, with its resolved data.</summary>
    public IReadOnlyList<(AttributeDefinition Attribute, string Data)> Values(ProductRecord record)
    {
        var values = new List<(AttributeDefinition, string)>();
        Values(record, values);
        return values;
    }

    /// <summary>As <see cref="Values(ProductRecord)"/>, into <paramref name="values"/> (cleared first): a writer reuses one list for every record.</summary>
    internal void Values(ProductRecord record, List<(AttributeDefinition Attribute, string Data)> values)
    {
        ArgumentNullException.ThrowIfNull(record);
        values.Clear();
        var best = ResolveAll(record);
        var cells = record.Values.Cells;
        for (var i = 0; i < best.Length; i++)
        {
            if (best[i] >= 0)
            {
                values.Add((_catalog.Attributes[i], Present(i, cells[best[i]])!));
            }
        }
    }

    /// <summary>Whether <paramref name="field"/> holds numbers, which CSV writers leave unquoted and unguarded.</summary>
    public bool IsNumeric(string field) => _catalog.FindAttribute(field)?.IsNumeric == true;

    /// <summary>The value of <paramref name="attribute"/> for the channel (see <see cref="ProductRecord.Resolve"/>); <c>null</c> when absent.</summary>
    public ProductValue? Resolve(ProductRecord record, string attribute) => ResolveCell(record, attribute) is { IsEmpty: false } cell ? cell.ToValue() : null;

    /// <summary>As <see cref="Resolve"/>, the value as the record holds it: the empty cell when absent.</summary>
    internal ValueCell ResolveCell(ProductRecord record, string attribute)
    {
        ArgumentNullException.ThrowIfNull(record);
        var index = IndexOf(attribute);
        var at = index < 0 ? record.ResolveIndex(attribute, _channel.Code, _channel.Locale, _channel.Currency) : ResolveAll(record)[index];
        return at < 0 ? default : record.Values.Cells[at];
    }

    /// <summary>The attributes of <paramref name="required"/> without a non-blank value in this view, in their order (what completeness counts as missing).</summary>
    public List<string> Missing(ProductRecord record, IReadOnlyList<string> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        var missing = new List<string>();
        for (var i = 0; i < required.Count; i++) // by index: an interface's enumerator would be allocated on every call
        {
            if (IsMissing(record, required[i]))
            {
                missing.Add(required[i]);
            }
        }

        return missing;
    }

    /// <summary>How many of <paramref name="required"/> <see cref="Missing"/> lists, without listing them (a report counts every record).</summary>
    public int CountMissing(ProductRecord record, IReadOnlyList<string> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        var count = 0;
        for (var i = 0; i < required.Count; i++) // by index, as in Missing: the report counts every record
        {
            count += IsMissing(record, required[i]) ? 1 : 0;
        }

        return count;
    }

    private bool IsMissing(ProductRecord record, string attribute) => string.IsNullOrWhiteSpace(ResolveCell(record, attribute).Data);

    /// <summary>The data of catalog attribute <paramref name="attributeIndex"/> (its index in <see cref="ProductCatalog.Attributes"/>) as
    /// <see cref="WriteJson"/> writes it, before typing; <c>null</c> when absent.</summary>
    internal string? Presented(ProductRecord record, int attributeIndex)
    {
        var at = ResolveAll(record)[attributeIndex];
        return at < 0 ? null : Present(attributeIndex, record.Values.Cells[at]);
    }

    /// <summary>Whether catalog attribute <paramref name="attributeIndex"/> has a value in this view (is written by <see cref="WriteJson"/>).</summary>
    internal bool Has(ProductRecord record, int attributeIndex)
    {
        return ResolveAll(record)[attributeIndex] >= 0;
    }

    /// <summary>The data of a resolved value as the channel publishes it: a media path under the channel's <c>mediaBaseUrl</c> (<see cref="MediaUrl"/>), anything else as stored.</summary>
    private string? Present(int index, in ValueCell value) =>
        _media[index] ? MediaUrl.Resolve(value.Data, _channel.MediaBaseUrl) : value.Data;

    private string? Present(string attribute, in ValueCell value) =>
        value.IsEmpty ? null : IndexOf(attribute) is >= 0 and var index ? Present(index, value) : value.Data;

    /// <summary>What each of <paramref name="fields"/> is; worked out again only when they are not the array of one of the last calls.</summary>
    private int[] PlanOf(string[] fields)
    {
        foreach (var (planned, known) in _plans)
        {
            if (ReferenceEquals(fields, planned))
            {
                return known;
            }
        }

        var plan = new int[fields.Length];
        for (var i = 0; i < plan.Length; i++)
        {
            plan[i] = fields[i] switch
            {
                "sku" or "parent" or "family" or "categories" or "enabled" or "groups" or "associations" => RecordField,
                var field => _attributeIndex.TryGetValue(field, out var index) ? index : OtherField,
            };
        }

        _lastPlan = (_lastPlan + 1) % _plans.Length;
        _plans[_lastPlan] = (fields, plan);
        return plan;
    }

    /// <summary>The catalog index of <paramref name="attribute"/>, -1 when the catalog has no such attribute.</summary>
    /// <remarks>Names are looked up by their string's reference first: a record's values share a few strings (the mapping's, the store's per thread).</remarks>
    private int IndexOf(string attribute)
    {
        ref var entry = ref _byReference[RuntimeHelpers.GetHashCode(attribute) & (_byReference.Length - 1)];
        if (!ReferenceEquals(entry.Name, attribute))
        {
            entry = (attribute, _attributeIndex.TryGetValue(attribute, out var index) ? index : -1);
        }

        return entry.Index;
    }

    /// <summary>
    /// Makes <c>_current</c> the resolution of every attribute of <paramref name="record"/>, in one pass over its values (as
    /// <see cref="ProductRecord.Resolve"/> does one by one): a kept one when the record's values have not changed since, else a new one
    /// in place of the oldest. Returns the index of its value of each attribute in the record's values (-1: none), by attribute index.
    /// </summary>
    private int[] ResolveAll(ProductRecord record)
    {
        var version = record.Values.Version;
        if (!_current.Holds(record, version))
        {
            _current = Kept(record, version) ?? ResolveAnew(record, version);
        }

        return _current.Best;
    }

    private Resolution? Kept(ProductRecord record, int version)
    {
        foreach (var resolution in _recent)
        {
            if (resolution.Holds(record, version))
            {
                return resolution;
            }
        }

        return null;
    }

    private Resolution ResolveAnew(ProductRecord record, int version)
    {
        var resolution = _recent[_next];
        _next = (_next + 1) % _recent.Length;
        resolution.Record = record;
        resolution.Version = version;
        var best = resolution.Best;
        var bestScore = resolution.Score;
        Array.Fill(best, -1);
        Array.Fill(bestScore, -1);
        var values = record.Values.Cells;
        for (var v = 0; v < values.Length; v++)
        {
            var rank = _ranks[values[v].Slot] - 1;
            if (rank < 0)
            {
                continue;
            }

            var i = rank >> 2;
            var score = rank & 3;
            if (score > bestScore[i])
            {
                best[i] = v;
                bestScore[i] = score;
            }
        }

        return resolution;
    }

    /// <summary>
    /// 1 + the catalog index of the slot's attribute (shifted left by 2) and its specificity for the channel (2 for a channel's, 1 for
    /// a locale's, as <see cref="ProductRecord.Resolve"/> ranks them); -1 for a slot the channel does not see (another locale, channel
    /// or currency, or no catalog attribute).
    /// </summary>
    private int Rank(ValueSlot slot)
    {
        var i = IndexOf(slot.Attribute);
        if (i < 0
            || (slot.Locale is not null && !string.Equals(slot.Locale, _channel.Locale, StringComparison.Ordinal))
            || (slot.Channel is not null && !string.Equals(slot.Channel, _channel.Code, StringComparison.Ordinal))
            || (_channel.Currency is not null && slot.Currency is not null && !string.Equals(slot.Currency, _channel.Currency, StringComparison.Ordinal)))
        {
            return -1;
        }

        return 1 + ((i << 2) | ((slot.Channel is null ? 0 : 2) + (slot.Locale is null ? 0 : 1)));
    }

    /// <summary>One record's resolution: its best value of each attribute (by catalog index: the value's index in the record, -1 for none) and that value's specificity.</summary>
    private sealed class Resolution(int attributes)
    {
        public int[] Best { get; } = new int[attributes];

        public int[] Score { get; } = new int[attributes];

        public ProductRecord? Record { get; set; }

        public int Version { get; set; }

        public bool Holds(ProductRecord record, int version) => ReferenceEquals(record, Record) && version == Version;
    }
}
