using System.Text;
using System.Xml;
using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Channels.Google;

/// <summary>Channel kind <c>google-merchant</c>, format <c>xml</c>: an RSS 2.0 feed whose items carry Google's attributes in the <c>g:</c> namespace.</summary>
/// <remarks>Written with <see cref="XmlWriter"/> as the records come (UTF-8 without byte order mark); an item has an element for each attribute that has a value.</remarks>
internal sealed class GoogleXmlWriter : IChannelWriter
{
    public const string Namespace = "http://base.google.com/ns/1.0";

    private readonly XmlWriter _xml;
    private readonly GoogleItem _item;

    public GoogleXmlWriter(ChannelView view, Stream output)
    {
        ArgumentNullException.ThrowIfNull(view);
        var channel = view.Channel;
        _item = new GoogleItem(channel, view.Catalog, view);
        FileName = ChannelWriters.FileName(channel);
        _xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            NewLineChars = "\n",
            CloseOutput = true,
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("rss");
        _xml.WriteAttributeString("version", "2.0");
        _xml.WriteAttributeString("xmlns", "g", null, Namespace);
        _xml.WriteStartElement("channel");
        var options = _item.Options;
        _xml.WriteElementString("title", options.FeedTitle ?? channel.Code);
        _xml.WriteElementString("link", options.FeedLink);
        _xml.WriteElementString("description", options.FeedDescription);
    }

    public string FileName { get; }

    public void Write(ProductRecord record)
    {
        var values = _item.Values(record);
        _xml.WriteStartElement("item");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                _xml.WriteElementString("g", GoogleItem.Fields[i], Namespace, XmlText(value));
            }
        }

        _xml.WriteEndElement();
    }

    /// <summary>Never called: Google replaces its whole data source with each file (<see cref="RemovalPolicy.FullOnly"/>).</summary>
    public void WriteRemoval(string sku, string? model) =>
        throw new InvalidOperationException(GoogleItem.FullOnly);

    public ValueTask DisposeAsync()
    {
        _xml.WriteEndDocument();
        _xml.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The value without characters XML cannot hold (control characters, lone surrogates), each replaced by a space.</summary>
    private static string XmlText(string value)
    {
        char[]? text = null;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(value[i]))
            {
                text ??= value.ToCharArray();
                text[i] = ' ';
            }
        }

        return text is null ? value : new string(text);
    }
}
