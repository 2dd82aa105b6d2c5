using System.Buffers;
using System.Text;
using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Channels.Google;

/// <summary>Channel kind <c>google-merchant</c>, format <c>xml</c>: an RSS 2.0 feed whose items carry Google's attributes in the <c>g:</c> namespace.</summary>
/// <remarks>
/// UTF-8 without byte order mark, indented by two spaces, written as the records come; an item has an element for each attribute
/// that has a value. The bytes are those <see cref="System.Xml.XmlWriter"/> writes with those settings (the tests hold it to that):
/// the elements' tags are encoded once, each text is escaped by <see cref="XmlText"/>, and the feed goes to the output 64 KB at a time.
/// </remarks>
internal sealed class GoogleXmlWriter : IChannelWriter
{
    public const string Namespace = "http://base.google.com/ns/1.0";

    private const int Block = 1 << 16;

    // The declaration, the feed's root and its channel's start tag.
    private static readonly byte[] Head = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:g=\"{Namespace}\">\n  <channel>");

    // Each field's tags, with the line and indentation before an element: "\n      <g:id>", "</g:id>".
    private static readonly byte[][] Opens = Tags(f => $"\n      <g:{f}>");
    private static readonly byte[][] Closes = Tags(f => $"</g:{f}>");

    private readonly Stream _output;
    private readonly GoogleItem _item;
    private readonly ArrayBufferWriter<byte> _buffer = new(Block + 4096);

    public GoogleXmlWriter(ChannelView view, Stream output)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        var channel = view.Channel;
        _output = output;
        _item = new GoogleItem(channel, view.Catalog, view);
        FileName = ChannelWriters.FileName(channel);
        var options = _item.Options;
        _buffer.Write(Head);
        Header("title", options.FeedTitle ?? channel.Code);
        Header("link", options.FeedLink);
        Header("description", options.FeedDescription);
    }

    public string FileName { get; }

    public void Write(ProductRecord record)
    {
        // Values has no blank value (an empty element never occurs), and an item always has its id.
        var values = _item.Values(record);
        _buffer.Write("\n    <item>"u8);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                _buffer.Write(Opens[i]);
                XmlText.Write(_buffer, value);
                _buffer.Write(Closes[i]);
            }
        }

        _buffer.Write("\n    </item>"u8);
        if (_buffer.WrittenCount >= Block)
        {
            WriteBuffer();
        }
    }

    /// <summary>Never called: Google replaces its whole data source with each file (<see cref="RemovalPolicy.FullOnly"/>).</summary>
    public void WriteRemoval(string sku, string? model) =>
        throw new InvalidOperationException(GoogleItem.FullOnly);

    public async ValueTask DisposeAsync()
    {
        _buffer.Write("\n  </channel>\n</rss>"u8);
        WriteBuffer();
        await _output.DisposeAsync().ConfigureAwait(false);
    }

    private void Header(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            _buffer.Write(Encoding.UTF8.GetBytes($"\n    <{name} />"));
            return;
        }

        _buffer.Write(Encoding.UTF8.GetBytes($"\n    <{name}>"));
        XmlText.Write(_buffer, text);
        _buffer.Write(Encoding.UTF8.GetBytes($"</{name}>"));
    }

    private void WriteBuffer()
    {
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    private static byte[][] Tags(Func<string, string> tag) => [.. GoogleItem.Fields.Select(f => Encoding.UTF8.GetBytes(tag(f)))];
}
