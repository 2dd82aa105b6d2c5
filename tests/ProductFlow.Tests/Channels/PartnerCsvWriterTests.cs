using System.Text;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Channels;

public class PartnerCsvWriterTests
{
    [Test]
    public async Task Writes_the_configured_columns_with_bom_delimiter_and_guarded_text()
    {
        var catalog = Some.Catalog();
        var stream = new MemoryStream();
        var writer = ChannelWriters.Create(catalog.Channels[0], catalog, stream);
        var record = Some.Record("A-1", ("price", "-5"));
        record.Values.Add(Some.Value("name", "=cmd", locale: "en_US"));
        record.Values.Add(Some.Value("name", "Hemd", locale: "de_DE"));
        writer.Write(record);
        writer.Write(Some.Record("B;2"));
        await writer.DisposeAsync();

        var bytes = stream.ToArray();
        Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()), "UTF-8 BOM for Excel");
        Assert.That(Encoding.UTF8.GetString(bytes[3..]), Is.EqualTo("SKU;Title;Price\r\nA-1;'=cmd;-5\r\n\"B;2\";;\r\n"));
    }

    [Test]
    public void The_data_file_is_named_after_the_channel_by_default()
    {
        var channel = Some.Catalog().Channels[0];

        Assert.That(ChannelWriters.FileName(channel), Is.EqualTo("partner.csv"));
    }

    [Test]
    public void A_channel_view_falls_back_from_locale_to_unscoped_values()
    {
        var catalog = Some.Catalog();
        var view = new ChannelView(catalog.Channels[0], catalog);
        var record = Some.Record("A");
        record.Values.Add(new ProductValue("name", null, null, "Generic", ValueOrigin.FromRule("x")));
        record.Values.Add(new ProductValue("name", "de_DE", null, "Deutsch", ValueOrigin.FromRule("x")));

        Assert.That(view.Text(record, "name"), Is.EqualTo("Generic"));
        record.Values.Add(new ProductValue("name", "en_US", null, "English", ValueOrigin.FromRule("x")));
        Assert.That(view.Text(record, "name"), Is.EqualTo("English"));
    }

    [Test]
    public async Task A_partner_can_take_windows_1252_decimal_commas_and_its_date_format()
    {
        var catalog = Some.Catalog();
        var channel = catalog.Channels[0];
        channel.Encoding = "windows-1252";
        channel.DecimalSeparator = ",";
        channel.DateFormat = "dd.MM.yyyy";
        channel.Columns = [.. channel.Columns, new Catalog.ChannelColumn { Header = "Launch", Value = "launch" }, new Catalog.ChannelColumn { Header = "Weight", Value = "weight" }];
        var stream = new MemoryStream();
        var writer = ChannelWriters.Create(channel, catalog, stream);
        var record = Some.Record("A-1", ("price", "19.90"), ("launch", "2026-03-01"), ("weight", "-0.5"));
        record.Values.Add(Some.Value("name", "Größe – Ärmel €", locale: "en_US"));
        writer.Write(record);
        await writer.DisposeAsync();

        var bytes = stream.ToArray();
        var text = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        Assert.That(bytes.Take(3), Is.Not.EqualTo(Encoding.UTF8.Preamble.ToArray()), "no UTF-8 byte order mark in a Windows-1252 file");
        Assert.That(text, Is.EqualTo("SKU;Title;Price;Launch;Weight\r\nA-1;Größe – Ärmel €;19,90;01.03.2026;-0,5\r\n"), "a negative number stays a number, not guarded text");
        Assert.That(bytes, Does.Contain((byte)0xF6).And.Contain((byte)0x80), "ö and € as Windows-1252 bytes");
    }

    [Test]
    public async Task A_partner_in_utf8_without_bom_gets_no_byte_order_mark()
    {
        var catalog = Some.Catalog();
        catalog.Channels[0].Encoding = "utf-8";
        var stream = new MemoryStream();
        var writer = ChannelWriters.Create(catalog.Channels[0], catalog, stream);
        writer.Write(Some.Record("A-1", ("price", "1")));
        await writer.DisposeAsync();

        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo("SKU;Title;Price\r\nA-1;;1\r\n"));
    }
}
