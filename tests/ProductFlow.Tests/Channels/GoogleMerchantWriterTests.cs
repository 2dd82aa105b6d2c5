using System.Xml.Linq;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Channels.Google;
using ProductFlow.Model;
using static ProductFlow.Tests.Channels.ChannelRecords;

namespace ProductFlow.Tests.Channels;

public class GoogleMerchantWriterTests
{
    private static readonly XNamespace G = "http://base.google.com/ns/1.0";

    [Test]
    public async Task The_xml_feed_is_rss_with_the_channel_header_and_an_item_per_record()
    {
        var xml = XDocument.Parse(Text(await WriteAsync("google", [Variant("TS-1-NVY-M", "TS-1", "navy", "m"), Single("GIFT-1", ("title", "Gift card"))])));

        var rss = xml.Root!;
        Assert.That((rss.Name.LocalName, rss.Attribute("version")?.Value, rss.GetNamespaceOfPrefix("g")), Is.EqualTo(("rss", "2.0", G)));
        var channel = rss.Element("channel")!;
        Assert.That(channel.Element("title")?.Value, Is.EqualTo("Northwind Apparel"));
        Assert.That(channel.Element("link")?.Value, Is.EqualTo("https://shop.example.com/"));
        Assert.That(channel.Element("description")?.Value, Is.EqualTo("Northwind Apparel products for Google Merchant Center"));
        Assert.That(channel.Elements("item").Select(i => i.Element(G + "id")?.Value), Is.EqualTo(new[] { "TS-1-NVY-M", "GIFT-1" }));
    }

    [Test]
    public async Task An_xml_item_has_each_google_attribute_from_its_mapped_field()
    {
        var xml = XDocument.Parse(Text(await WriteAsync("google", [Variant("TS-1-NVY-M", "TS-1", "navy", "m", price: "19.9", stock: "0")])));

        var item = xml.Root!.Element("channel")!.Element("item")!;
        string? Field(string name) => item.Element(G + name)?.Value;
        Assert.That(Field("id"), Is.EqualTo("TS-1-NVY-M"));
        Assert.That(Field("item_group_id"), Is.EqualTo("TS-1"));
        Assert.That(Field("title"), Is.EqualTo("Northwind Apparel Classic Tee – Navy"));
        Assert.That(Field("description"), Is.EqualTo("Classic Tee in navy, size M."));
        Assert.That(Field("link"), Is.EqualTo("https://shop.example.com/p/TS-1-NVY-M"));
        Assert.That(Field("image_link"), Is.EqualTo("https://cdn.example.com/products/ts-1/navy.jpg"));
        Assert.That(Field("availability"), Is.EqualTo("out_of_stock"));
        Assert.That(Field("price"), Is.EqualTo("19.90 EUR"));
        Assert.That(Field("brand"), Is.EqualTo("Northwind Apparel"));
        Assert.That(Field("gtin"), Is.EqualTo("4006381001007"));
        Assert.That(Field("condition"), Is.EqualTo("new"));
        Assert.That(Field("color"), Is.EqualTo("navy"));
        Assert.That(Field("size"), Is.EqualTo("m"));
        Assert.That(Field("shipping_weight"), Is.EqualTo("0.18 kg"));
        Assert.That(new[] { "sale_price", "mpn", "gender", "age_group", "google_product_category", "additional_image_link" }.Select(Field), Is.All.Null, "unmapped: no element");
    }

    [Test]
    public async Task Xml_text_is_escaped_and_survives_a_round_trip()
    {
        var record = Variant("A-1", "A", "red", "s").With("title", "Tee <b>\"Deluxe\"</b> & more, =1+1").With("description", "Line one\nLine two\u0001");

        var item = XDocument.Parse(Text(await WriteAsync("google", [record]))).Root!.Element("channel")!.Element("item")!;

        Assert.That(item.Element(G + "title")?.Value, Is.EqualTo("Tee <b>\"Deluxe\"</b> & more, =1+1"));
        Assert.That(item.Element(G + "description")?.Value, Is.EqualTo("Line one\nLine two "), "a control character XML cannot hold becomes a space");
    }

    [Test]
    public async Task The_tsv_has_a_header_of_google_attributes_and_a_row_per_record_without_quoting()
    {
        var channel = Tsv();
        var record = Variant("A-1", "A", "red", "s", stock: "4").With("title", "Tee \"Deluxe\", red").With("description", "Soft\tcotton\r\nregular fit\n");
        var lines = Text(await WriteAsync(channel, [record, Single("GIFT-1", ("title", "Gift card"))])).Split('\n');

        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[0], Is.EqualTo(string.Join('\t', GoogleItem.Fields)));
        var row = lines[0].Split('\t').Zip(lines[1].Split('\t')).ToDictionary(p => p.First, p => p.Second);
        Assert.That(row, Has.Count.EqualTo(GoogleItem.Fields.Count));
        Assert.That(row["title"], Is.EqualTo("Tee \"Deluxe\", red"));
        Assert.That(row["description"], Is.EqualTo("Soft cotton regular fit "));
        Assert.That((row["id"], row["item_group_id"], row["availability"], row["price"], row["shipping_weight"], row["link"]), Is.EqualTo(("A-1", "A", "in_stock", "19.90 EUR", "0.18 kg", "https://shop.example.com/A-1")));
        var gift = lines[0].Split('\t').Zip(lines[2].Split('\t')).ToDictionary(p => p.First, p => p.Second);
        Assert.That((gift["id"], gift["item_group_id"], gift["title"], gift["price"], gift["availability"], gift["condition"]), Is.EqualTo(("GIFT-1", "", "Gift card", "", "", "new")));
        Assert.That(lines[3], Is.Empty);
    }

    [Test]
    public async Task Mapped_attributes_replace_the_defaults()
    {
        var channel = Tsv(new Dictionary<string, string> { ["title"] = "name", ["mpn"] = "sku", ["sale_price"] = "price", ["gtin"] = "" });
        var lines = Text(await WriteAsync(channel, [Variant("A-1", "A", "red", "s", price: "9")])).Split('\n');

        var row = lines[0].Split('\t').Zip(lines[1].Split('\t')).ToDictionary(p => p.First, p => p.Second);
        Assert.That((row["title"], row["mpn"], row["sale_price"], row["gtin"]), Is.EqualTo(("Classic Tee", "A-1", "9.00 EUR", "")));
    }

    [Test]
    public async Task Availability_and_shipping_weight_follow_their_fields_record_after_record()
    {
        // What each field is, worked out once per channel: the same for records of every shape, in any order.
        var byStock = Tsv();
        var byStatus = Tsv(new Dictionary<string, string> { ["availability"] = "material", ["shipping_weight"] = "" });
        ProductRecord[] records =
        [
            Weighed(Variant("A-1", "A", "red", "s", stock: "0"), "250", "g"),
            Single("SOLO-1", ("title", "Solo"), ("material", "Pre Order")),
            Weighed(Variant("A-2", "A", "red", "m", stock: "3"), "250", "mg"),
            Weighed(Variant("A-3", "A", "red", "l", stock: null), "0.18", null),
        ];

        Assert.That(Column(Text(await WriteAsync(byStock, records)), "availability"), Is.EqualTo(new[] { "out_of_stock", "", "in_stock", "" }));
        Assert.That(Column(Text(await WriteAsync(byStock, records)), "shipping_weight"), Is.EqualTo(new[] { "250 g", "", "0.00025 kg", "0.18 kg" }));
        Assert.That(Column(Text(await WriteAsync(byStatus, records)), "availability"), Is.EqualTo(new[] { "100%_cotton", "pre_order", "100%_cotton", "100%_cotton" }));
        Assert.That(Column(Text(await WriteAsync(byStatus, records)), "shipping_weight"), Is.EqualTo(new[] { "", "", "", "" }));
    }

    [Test]
    public void The_file_is_named_after_the_format()
    {
        Assert.That((ChannelWriters.FileName(Channel("google")), ChannelWriters.FileName(Tsv())), Is.EqualTo(("google.xml", "feed.tsv")));
    }

    [Test]
    public void Google_takes_full_files_only()
    {
        Assert.That(ChannelWriters.All[GoogleMerchant.Kind].Removals, Is.EqualTo(RemovalPolicy.FullOnly));
        var writer = ChannelWriters.Create(Channel("google"), ChannelRecords.Catalog, new MemoryStream(), ExportMode.Delta);

        Assert.Throws<InvalidOperationException>(() => writer.WriteRemoval("A-1", "A"));
    }

    [Test]
    public async Task The_same_records_give_the_same_bytes()
    {
        foreach (var channel in new[] { Channel("google"), Tsv() })
        {
            var first = await WriteAsync(channel, (await DemoAsync()).Take(40));
            var second = await WriteAsync(channel, (await DemoAsync()).Take(40));

            Assert.That(second, Is.EqualTo(first), channel.Code);
        }
    }

    [Test]
    public async Task The_xml_feed_is_byte_for_byte_what_an_xml_writer_writes()
    {
        var records = (await DemoAsync()).Take(40).Concat([
            Variant("A-1", "A", "red", "s").With("title", "Tee <b>\"Deluxe\"</b> & more\r\n\u2013 \uD83D\uDE00").With("description", "one\rtwo\u0001\uD800"),
            Variant("A-2", "A", "red", "m").With("title", "").With("brand", " ")])
            .ToList();
        var bare = new ChannelDefinition
        {
            Code = "bare", Kind = GoogleMerchant.Kind, Locale = "en_US", Currency = "EUR",
            Google = new GoogleOptions { Format = "xml", Link = "{{ mpn }}", FeedTitle = "A & B <feed>" }, // no feed link or description, no item link
        };

        foreach (var channel in new[] { Channel("google"), bare })
        {
            var written = await WriteAsync(channel, records);

            Assert.That(Text(written), Is.EqualTo(Text(GoogleXmlOracle.Feed(channel, ChannelRecords.Catalog, records))), channel.Code);
            Assert.That(written, Is.EqualTo(GoogleXmlOracle.Feed(channel, ChannelRecords.Catalog, records)));
        }
    }

    private static ProductRecord Weighed(ProductRecord record, string data, string? unit)
    {
        foreach (var value in record.Values.Where(v => v.Attribute == "weight").ToList())
        {
            record.Values.Remove(value);
        }

        record.Values.Add(new ProductValue("weight", null, null, data, ValueOrigin.FromRule("test")) { Unit = unit });
        return record;
    }

    // The values of one column of a TSV, row by row.
    private static string[] Column(string tsv, string field)
    {
        var lines = tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(lines[0].Split('\t'), field);
        return [.. lines.Skip(1).Select(l => l.Split('\t')[index])];
    }

    private static ChannelDefinition Tsv(Dictionary<string, string>? attributes = null) => new()
    {
        Code = "feed", Kind = GoogleMerchant.Kind, Locale = "en_US", Currency = "EUR",
        Google = new GoogleOptions { Link = "https://shop.example.com/{{ sku }}", Attributes = attributes ?? [] },
    };
}
