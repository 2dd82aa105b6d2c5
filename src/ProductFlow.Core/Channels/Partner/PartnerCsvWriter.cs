using ProductFlow.Catalog;
using ProductFlow.Csv;
using ProductFlow.Model;

namespace ProductFlow.Channels.Partner;

/// <summary>Channel kind <c>partner-csv</c>: a CSV with the channel's configured columns, headers and delimiter.</summary>
/// <remarks>
/// Human-facing: UTF-8 with BOM unless the channel's <c>encoding</c> says otherwise, text cells guarded against formula
/// injection, numbers left as numbers (with the channel's decimal separator), dates in the channel's date format.
/// A delta export starts each row with an <c>Action</c> column: <c>upsert</c>, or <c>delete</c> with only the SKU column filled.
/// </remarks>
internal sealed class PartnerCsvWriter : IChannelWriter
{
    public const string Kind = "partner-csv";

    private readonly ChannelView _view;
    private readonly GuardedCsvWriter _csv;
    private readonly bool _delta;
    private readonly PartnerFormat _format;
    private readonly Func<string, string>[] _numbers;

    // Each column's field, its attribute if it is one, and whether it holds numbers: worked out once, not per record.
    private readonly string[] _fields;
    private readonly AttributeDefinition?[] _attributes;
    private readonly bool[] _numeric;
    private readonly string?[] _texts;

    public PartnerCsvWriter(ChannelView view, Stream output, ExportMode mode)
    {
        ArgumentNullException.ThrowIfNull(view);
        var channel = view.Channel;
        _view = view;
        _delta = mode == ExportMode.Delta;
        FileName = ChannelWriters.FileName(channel);
        _format = new PartnerFormat(channel);
        _fields = channel.Columns.Select(c => c.Value).ToArray();
        _attributes = _fields.Select(view.Attribute).ToArray();
        _numeric = _fields.Select(view.IsNumeric).ToArray();
        _texts = new string?[_fields.Length];
        _numbers = channel.Columns.Select(c => (Func<string, string>)(text => _format.Number(text, c.Decimals)!)).ToArray();
        _csv = GuardedCsvWriter.Create(output, Delimiters.Parse(channel.Delimiter) ?? ',', _format.ByteOrderMark, _format.Encoding);
        var headers = channel.Columns.Select(c => c.Header);
        _csv.WriteHeader(_delta ? headers.Prepend("Action") : headers);
    }

    public string FileName { get; }

    public void Write(ProductRecord record)
    {
        if (_delta)
        {
            _csv.WriteText("upsert");
        }

        var columns = _view.Channel.Columns;
        _view.Texts(record, _fields, _texts);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var text = _texts[i];
            var attribute = _attributes[i];
            if (_numeric[i] && text is not null && column.Currency == "suffix" && attribute?.Type == AttributeType.Price)
            {
                var currency = _view.ResolveCell(record, column.Value).Currency ?? _view.Channel.Currency;
                _csv.WriteText(currency is null ? _numbers[i](text) : $"{_numbers[i](text)} {currency}");
            }
            else if (_numeric[i])
            {
                _csv.WriteNumber(text, _numbers[i]);
            }
            else if (attribute?.Type is AttributeType.Select or AttributeType.MultiSelect && column.Options == "label")
            {
                _csv.WriteText(_view.Labels(attribute, text));
            }
            else
            {
                _csv.WriteText(attribute?.Type == AttributeType.Date ? _format.Date(text) : text);
            }
        }

        _csv.EndRecord();
    }

    public void WriteRemoval(string sku, string? model)
    {
        if (!_delta)
        {
            throw new InvalidOperationException("a full export has no removals");
        }

        _csv.WriteText("delete");
        foreach (var column in _view.Channel.Columns)
        {
            _csv.WriteText(column.Value switch
            {
                "sku" => sku,
                "parent" => model,
                _ => null,
            });
        }

        _csv.EndRecord();
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
