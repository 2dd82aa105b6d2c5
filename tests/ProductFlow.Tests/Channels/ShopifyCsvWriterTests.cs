using System.Text;
using CsvHelper;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Channels.Shopify;
using static ProductFlow.Tests.Channels.ChannelRecords;

namespace ProductFlow.Tests.Channels;

public class ShopifyCsvWriterTests
{
    private const string ExactHeader =
        "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,"
        + "Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Qty,Variant Price,Variant Compare At Price,Variant Barcode,Image Src,Image Position,Status";

    [Test]
    public async Task The_header_is_shopifys_exactly_and_the_file_has_no_byte_order_mark()
    {
        var bytes = await WriteAsync("shopify", []);

        Assert.That(bytes.Take(3), Is.Not.EqualTo(Encoding.UTF8.Preamble.ToArray()));
        Assert.That(Text(bytes), Is.EqualTo(ExactHeader + "\r\n"));
    }

    [Test]
    public async Task A_model_is_one_handle_with_product_columns_on_its_first_row_only()
    {
        var rows = Rows(await WriteAsync("shopify", [Variant("TS-1001-NVY-M", "TS-1001", "navy", "m"), Variant("TS-1001-NVY-S", "TS-1001", "navy", "s"), Variant("TS-1001-RED-S", "TS-1001", "red", "s")]));

        Assert.That(rows.Select(r => r["Handle"]), Is.All.EqualTo("ts-1001"));
        var first = rows[0];
        Assert.That(first["Title"], Is.EqualTo("Classic Tee"));
        Assert.That(first["Body (HTML)"], Is.EqualTo("<p>Classic Tee in navy, size M.</p>"));
        Assert.That(first["Vendor"], Is.EqualTo("Northwind Apparel"));
        Assert.That(first["Product Category"], Is.EqualTo("Apparel & Accessories > Clothing"));
        Assert.That(first["Type"], Is.EqualTo("tshirts"));
        Assert.That(first["Tags"], Is.EqualTo("apparel, apparel_tshirts"));
        Assert.That(first["Published"], Is.EqualTo("true"));
        Assert.That((first["Option1 Name"], first["Option2 Name"], first["Option3 Name"]), Is.EqualTo(("Color", "Size", "")));
        Assert.That(first["Status"], Is.EqualTo("active"));
        foreach (var column in new[] { "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published", "Option1 Name", "Option2 Name", "Status" })
        {
            Assert.That(rows.Skip(1).Select(r => r[column]), Is.All.Empty, column);
        }
    }

    [Test]
    public async Task Variant_rows_carry_options_sku_grams_stock_price_barcode_and_one_image_per_colour()
    {
        var rows = Rows(await WriteAsync("shopify", [Variant("TS-1001-NVY-M", "TS-1001", "navy", "m", price: "19.9", stock: "37"), Variant("TS-1001-NVY-S", "TS-1001", "navy", "s", stock: null), Variant("TS-1001-RED-S", "TS-1001", "red", "s", price: "21")]));

        Assert.That(rows.Select(r => (r["Option1 Value"], r["Option2 Value"], r["Variant SKU"])), Is.EqualTo(new[] { ("navy", "m", "TS-1001-NVY-M"), ("navy", "s", "TS-1001-NVY-S"), ("red", "s", "TS-1001-RED-S") }));
        Assert.That(rows.Select(r => r["Variant Grams"]), Is.All.EqualTo("180"), "0.18 kg");
        Assert.That(rows.Select(r => r["Variant Inventory Qty"]), Is.EqualTo(new[] { "37", "", "12" }));
        Assert.That(rows.Select(r => r["Variant Price"]), Is.EqualTo(new[] { "19.90", "19.90", "21.00" }));
        Assert.That(rows.Select(r => r["Variant Compare At Price"]), Is.All.Empty, "not mapped by default");
        Assert.That(rows.Select(r => r["Variant Barcode"]), Is.All.EqualTo("4006381001007"));
        Assert.That(rows.Select(r => (r["Image Src"], r["Image Position"])), Is.EqualTo(new[]
        {
            ("https://cdn.example.com/products/ts-1001/navy.jpg", "1"), ("", ""), ("https://cdn.example.com/products/ts-1001/red.jpg", "2"),
        }));
    }

    [Test]
    public async Task Values_are_quoted_by_rfc_4180_and_left_unchanged()
    {
        var record = Variant("TS-1-NVY-M", "TS-1", "navy", "m")
            .With("name", "=HYPERLINK(\"x\"), \"Tee\"")
            .With("description", "Soft & <light>\nRegular fit.\n\nMachine wash.")
            .With("brand", "-Northwind");
        var text = Text(await WriteAsync("shopify", [record]));

        Assert.That(text, Does.Contain("ts-1,\"=HYPERLINK(\"\"x\"\"), \"\"Tee\"\"\",<p>Soft &amp; &lt;light&gt;<br>Regular fit.</p><p>Machine wash.</p>,-Northwind,"));
    }

    [Test]
    public async Task A_product_without_model_is_its_own_handle_with_the_default_title_option()
    {
        var rows = Rows(await WriteAsync("shopify", [Single("Gift Card/50 EUR", ("name", "Gift card"), ("price", "50"))]));

        var row = rows.Single();
        Assert.That(row["Handle"], Is.EqualTo("gift-card-50-eur"));
        Assert.That((row["Option1 Name"], row["Option1 Value"], row["Option2 Name"]), Is.EqualTo(("Title", "Default Title", "")));
        Assert.That((row["Title"], row["Variant SKU"], row["Variant Price"], row["Variant Grams"], row["Image Src"], row["Status"]), Is.EqualTo(("Gift card", "Gift Card/50 EUR", "50.00", "", "", "active")));
    }

    [Test]
    public async Task A_delta_archives_each_model_that_left_once()
    {
        var rows = Rows(await WriteAsync("shopify", [Variant("A-1", "A", "red", "s")], ExportMode.Delta, ("B-1", "B"), ("B-2", "B"), ("GIFT-1", null)));

        Assert.That(rows.Skip(1).Select(r => r.Where(c => c.Value.Length > 0).ToDictionary()), Is.EqualTo(new[]
        {
            new Dictionary<string, string> { ["Handle"] = "b", ["Status"] = "archived" },
            new Dictionary<string, string> { ["Handle"] = "gift-1", ["Status"] = "archived" },
        }));
    }

    [Test]
    public async Task Price_compare_at_and_stock_come_from_the_attributes_the_channel_names()
    {
        var channel = new ChannelDefinition
        {
            Code = "shop", Kind = ShopifyCsvWriter.Kind, Locale = "en_US", Currency = "EUR",
            Shopify = new ShopifyOptions { Attributes = new Dictionary<string, string> { ["compareAtPrice"] = "price", ["price"] = "stock", ["inventory"] = "" } },
        };

        var row = Rows(await WriteAsync(channel, [Variant("A-1", "A", "red", "s", price: "30", stock: "25")])).Single();

        Assert.That((row["Variant Price"], row["Variant Compare At Price"], row["Variant Inventory Qty"]), Is.EqualTo(("25.00", "30.00", "")));
        Assert.That(ChannelWriters.FileName(channel), Is.EqualTo("shop.csv"));
    }

    [Test]
    public async Task Options_grams_and_images_are_each_products_own_whatever_products_came_before()
    {
        // Each family's options are worked out once and each product's images counted afresh: products of other shapes in between.
        var other = Variant("X-1", "X", "red", "s");
        other.Family = "no_such_family"; // no family variant: Shopify's single default option
        var pounds = Variant("C-1", "C", "red", "m");
        var weight = pounds.Values.Single(v => v.Attribute == "weight");
        pounds.Values.Remove(weight);
        pounds.Values.Add(weight with { Data = "2", Unit = "lb" });
        var solo = Single("SOLO-1", ("name", "Solo"), ("image", "https://cdn.example.com/products/ts-1/navy.jpg"));

        var rows = Rows(await WriteAsync("shopify", [Variant("A-1", "A", "navy", "m"), Variant("A-2", "A", "red", "s"), other, solo, pounds]));

        Assert.That(rows.Select(r => (r["Handle"], r["Option1 Name"], r["Option1 Value"], r["Option2 Name"], r["Option2 Value"])), Is.EqualTo(new[]
        {
            ("a", "Color", "navy", "Size", "m"), ("a", "", "red", "", "s"), ("x", "Title", "Default Title", "", ""),
            ("solo-1", "Title", "Default Title", "", ""), ("c", "Color", "red", "Size", "m"),
        }));
        Assert.That(rows.Select(r => r["Variant Grams"]), Is.EqualTo(new[] { "180", "180", "180", "", "907" }));
        Assert.That(rows.Select(r => r["Image Position"]), Is.EqualTo(new[] { "1", "2", "1", "1", "1" }));
    }

    [Test]
    public void Handles_are_lower_case_with_single_dashes()
    {
        Assert.That(new[] { "TS-1001", "  Über Tee!! 2 ", "A__B--C" }.Select(ShopifyCsvWriter.Handle), Is.EqualTo(new[] { "ts-1001", "ber-tee-2", "a-b-c" }));
    }

    [Test]
    public async Task The_same_records_give_the_same_bytes()
    {
        var first = await WriteAsync("shopify", (await DemoAsync()).Take(40));
        var second = await WriteAsync("shopify", (await DemoAsync()).Take(40));

        Assert.That(second, Is.EqualTo(first));
    }

    private static List<Dictionary<string, string>> Rows(byte[] bytes)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, reader.GetString(i))).ToDictionary(p => p.h, p => p.Item2));
        }

        return rows;
    }
}
