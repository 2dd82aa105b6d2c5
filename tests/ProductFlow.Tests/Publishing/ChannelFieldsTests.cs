using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;
using ProductFlow.Publishing;
using ProductFlow.Tests.Channels;

namespace ProductFlow.Tests.Publishing;

public class ChannelFieldsTests
{
    [TestCase("web")]
    [TestCase("shopify")]
    [TestCase("google")]
    [TestCase("partner")]
    public void RowOf_gives_each_field_the_text_the_channel_view_resolves(string code)
    {
        var channel = ChannelRecords.Channel(code);
        var record = ChannelRecords.Variant("TS-1-BLK-M", "TS-1", "black", "m");
        // Scopes that resolution must weigh: a value for the channel beats the unscoped one, another channel's or locale's is ignored.
        record.Values.Add(new ProductValue("brand", null, channel.Code, "Channel brand", ValueOrigin.FromRule("test")));
        record.Values.Add(new ProductValue("brand", null, "elsewhere", "Other channel's brand", ValueOrigin.FromRule("test")));
        record.Values.Add(new ProductValue("name", "xx_XX", null, "Other locale's name", ValueOrigin.FromRule("test")));
        record.Values.Add(new ProductValue("price", null, null, "99", ValueOrigin.FromRule("test")) { Currency = "XYZ" });
        var view = new ChannelView(channel, ChannelRecords.Catalog);

        var row = new ChannelFields(new ChannelView(channel, ChannelRecords.Catalog)).RowOf(record);

        Assert.That(row.Fields, Is.Not.Empty);
        Assert.That(row.Fields.Select(f => f.Value), Is.EqualTo(row.Fields.Select(f => view.Text(record, f.Key))));
        Assert.That(row.Fields.Select(f => f.Key), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void RowOf_leaves_out_fields_without_a_value_and_keeps_no_state_between_records()
    {
        var channel = ChannelRecords.Channel("web");
        var fields = new ChannelFields(new ChannelView(channel, ChannelRecords.Catalog));
        var full = ChannelRecords.Variant("TS-1-BLK-M", "TS-1", "black", "m");
        var sparse = ChannelRecords.Single("SOLO-1", ("name", "Solo"));

        _ = fields.RowOf(full);
        var row = fields.RowOf(sparse);

        Assert.That(row.Fields.Select(f => f.Key), Is.EqualTo(new[] { "family", "name" }));
        Assert.That(row.Fields.Select(f => f.Value), Is.EqualTo(new[] { "tshirts", "Solo" }));
    }

    [Test]
    public void Rows_kept_together_each_have_their_own_fields_whatever_fields_the_records_before_had()
    {
        // Rows with the same fields share their names: every subset of these, in an order that revisits shapes after many others.
        string[] attributes = ["name", "brand", "color", "size", "gtin", "material"];
        var channel = ChannelRecords.Channel("web");
        var view = new ChannelView(channel, ChannelRecords.Catalog);
        var fields = new ChannelFields(new ChannelView(channel, ChannelRecords.Catalog));
        var records = new List<ProductRecord>();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var mask = 1; mask < 1 << attributes.Length; mask++)
            {
                var values = attributes.Where((_, i) => (mask & (1 << i)) != 0).Select(a => (a, $"{a} {mask} {pass}")).ToArray();
                records.Add(ChannelRecords.Single($"SKU-{pass}-{mask:D2}", values));
            }
        }

        var rows = records.Select(fields.RowOf).ToList();

        for (var i = 0; i < records.Count; i++)
        {
            var expected = new[] { "family" }.Concat(attributes).Where(f => view.Text(records[i], f) is not null).Order(StringComparer.Ordinal).ToList();
            Assert.That(rows[i].Fields.Select(f => f.Key), Is.EqualTo(expected), records[i].Sku);
            Assert.That(rows[i].Fields.Select(f => f.Value), Is.EqualTo(expected.Select(f => view.Text(records[i], f))), records[i].Sku);
        }
    }
}
