using System.Text;
using System.Xml;
using ProductFlow.Catalog;
using ProductFlow.Channels.Google;
using ProductFlow.Model;

namespace ProductFlow.Tests.Channels;

/// <summary>Google's XML feed as <see cref="XmlWriter"/> writes it: what <see cref="GoogleXmlWriter"/> must write byte for byte.</summary>
internal static class GoogleXmlOracle
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    /// <summary>The feed of <paramref name="records"/> on <paramref name="channel"/>, the items' values as <see cref="GoogleItem"/> gives them.</summary>
    public static byte[] Feed(ChannelDefinition channel, ProductCatalog catalog, IEnumerable<ProductRecord> records)
    {
        var item = new GoogleItem(channel, catalog, new ChannelView(channel, catalog));
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "g", null, GoogleXmlWriter.Namespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", item.Options.FeedTitle ?? channel.Code);
            xml.WriteElementString("link", item.Options.FeedLink);
            xml.WriteElementString("description", item.Options.FeedDescription);
            foreach (var record in records)
            {
                var values = item.Values(record);
                xml.WriteStartElement("item");
                for (var i = 0; i < values.Count; i++)
                {
                    if (values[i] is { } value)
                    {
                        xml.WriteElementString("g", GoogleItem.Fields[i], GoogleXmlWriter.Namespace, Clean(value));
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary><paramref name="text"/> as an element's content, between its tags.</summary>
    public static byte[] Content(string text)
    {
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartElement("r");
            xml.WriteString(Clean(text));
            xml.WriteFullEndElement();
        }

        var bytes = stream.ToArray();
        var start = bytes.AsSpan().IndexOf("<r>"u8) + "<r>".Length;
        return bytes[start..^"</r>".Length];
    }

    // A character XML cannot hold (control characters, lone surrogates) replaced by a space, as the feed has always done.
    private static string Clean(string value)
    {
        var text = value.ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                text[i] = ' ';
            }
        }

        return new string(text);
    }
}
