using ProductFlow.Catalog;
using ProductFlow.Csv;
using ProductFlow.Model;

namespace ProductFlow.Channels.Partner;

/// <summary>Channel kind <c>partner-csv</c>: a CSV with the channel's configured columns, headers and delimiter.</summary>
/// <remarks>Human-facing: UTF-8 with BOM, text cells guarded against formula injection, numbers left as numbers.</remarks>
internal sealed class PartnerCsvWriter : IChannelWriter
{
    public const string Kind = "partner-csv";

    private readonly ChannelView _view;
    private readonly GuardedCsvWriter _csv;

    public PartnerCsvWriter(ChannelDefinition channel, ProductCatalog catalog, Stream output)
    {
        _view = new ChannelView(channel, catalog);
        FileName = ChannelWriters.FileName(channel);
        _csv = GuardedCsvWriter.Create(output, Delimiters.Parse(channel.Delimiter) ?? ',');
        _csv.WriteHeader(channel.Columns.Select(c => c.Header));
    }

    public string FileName { get; }

    public void Write(ProductRecord record)
    {
        foreach (var column in _view.Channel.Columns)
        {
            var text = _view.Text(record, column.Value);
            if (_view.IsNumeric(column.Value))
            {
                _csv.WriteNumber(text);
            }
            else
            {
                _csv.WriteText(text);
            }
        }

        _csv.EndRecord();
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
