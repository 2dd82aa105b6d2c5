using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Channels.Google;
using static ProductFlow.Tests.Channels.ChannelRecords;

namespace ProductFlow.Tests.Channels;

public sealed class GoogleItemTests
{
    [TestCase("https://shop.example.com/p/{{ sku }}?c={{ color }}")]
    [TestCase("{{ color }}")]
    [TestCase("  {{ color }} ")]
    [TestCase("{{ color | strip }}")]
    [TestCase("https://shop.example.com/{% if color %}{{ color }}{% endif %}")]
    public void A_record_has_a_link_exactly_when_its_rendered_link_is_not_blank(string link)
    {
        // Whether a link is there is told without rendering it when the template always has text; it must agree with the link itself.
        var channel = new ChannelDefinition { Code = "feed", Kind = GoogleMerchant.Kind, Locale = "en_US", Currency = "EUR", Google = new GoogleOptions { Link = link } };
        var item = new GoogleItem(channel, ChannelRecords.Catalog);
        foreach (var color in new[] { "red", " ", "", null })
        {
            var record = color is null ? Single("A-1", ("name", "Tee")) : Single("A-1", ("name", "Tee"), ("color", color));

            Assert.That(item.Has(record, "link"), Is.EqualTo(item.ValueOf(record, "link") is not null), $"colour <{color}>");
        }

        Assert.That(item.Has(Single("A-1", ("color", "red")), "link"), Is.True);
        Assert.That(item.Has(Single("A-1", ("name", "Tee")), "link"), Is.False, "a link needs a value for each of its variables");
    }
}
