using CsvHelper;
using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Channels.Google;

/// <summary>Channel kind <c>google-merchant</c>, format <c>tsv</c>: Google's tab-separated product data, a header row of attribute names, a row per record.</summary>
/// <remarks>UTF-8 without byte order mark, no quoting: tabs and line breaks inside values become spaces, as Google's TSV has no escapes.</remarks>
internal sealed class GoogleTsvWriter : IChannelWriter
{
    private readonly CsvWriter _tsv;
    private readonly GoogleItem _item;
    private readonly string?[] _row = new string?[GoogleItem.Fields.Count];

    public GoogleTsvWriter(ChannelView view, Stream output)
    {
        ArgumentNullException.ThrowIfNull(view);
        _item = new GoogleItem(view.Channel, view.Catalog, view);
        FileName = ChannelWriters.FileName(view.Channel);
        var options = CsvWriterOptions.Default with { Mode = CsvMode.NoEscape, Separator = '\t', NewLine = "\n", WriteByteOrderMark = false };
        _tsv = CsvWriter.Create(output, options, leaveOpen: false);
        _tsv.WriteRecord([.. GoogleItem.Fields]);
    }

    public string FileName { get; }

    public void Write(ProductRecord record)
    {
        var values = _item.Values(record);
        for (var i = 0; i < values.Count; i++)
        {
            _row[i] = values[i] is { } value ? Flatten(value) : null;
        }

        _tsv.WriteRecord(_row);
    }

    /// <summary>Never called: Google replaces its whole data source with each file (<see cref="RemovalPolicy.FullOnly"/>).</summary>
    public void WriteRemoval(string sku, string? model) =>
        throw new InvalidOperationException(GoogleItem.FullOnly);

    public ValueTask DisposeAsync() => _tsv.DisposeAsync();

    private static string Flatten(string value) =>
        value.AsSpan().IndexOfAny('\t', '\r', '\n') < 0 ? value : value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
