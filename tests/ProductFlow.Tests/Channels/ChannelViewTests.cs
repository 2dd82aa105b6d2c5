using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Tests.Channels;

public class ChannelViewTests
{
    private static ChannelView WebView(int recent = ChannelView.GroupSize) => new(ChannelRecords.Channel("web"), ChannelRecords.Catalog, recent);

    [TestCase(1)]
    [TestCase(ChannelView.GroupSize)]
    public void A_record_changed_since_a_kept_resolution_is_resolved_again(int recent)
    {
        var view = WebView(recent);
        var first = ChannelRecords.Single("SOLO-1", ("name", "Before"));
        var second = ChannelRecords.Single("SOLO-2", ("name", "Other"));
        Assert.That(view.Text(first, "name"), Is.EqualTo("Before"));
        Assert.That(view.Text(second, "name"), Is.EqualTo("Other")); // the first's resolution is kept, no longer the current one

        first.Values.Clear();
        first.Values.Add(new ProductValue("name", null, null, "After", ValueOrigin.FromRule("test")));

        Assert.That(view.Text(first, "name"), Is.EqualTo("After"));
        Assert.That(view.Text(second, "name"), Is.EqualTo("Other"));
    }

    [TestCase(1)]
    [TestCase(ChannelView.GroupSize)]
    public void Records_resolved_in_turn_each_keep_their_own_values_beyond_the_kept_resolutions(int recent)
    {
        var view = WebView(recent);
        var records = Enumerable.Range(0, (ChannelView.GroupSize * 2) + 3).Select(i => ChannelRecords.Single($"SKU-{i}", ("name", $"Name {i}"))).ToList();

        // Forwards, backwards, forwards: reads from kept resolutions and from resolutions made again after they were replaced.
        var order = records.Concat(Enumerable.Reverse(records)).Concat(records);

        Assert.That(order.Select(r => view.Text(r, "name")), Is.EqualTo(order.Select(r => "Name " + r.Sku[4..])));
    }

    [Test]
    public void Each_channel_resolves_generated_records_as_the_record_resolves_each_attribute_whether_slots_are_shared_or_not()
    {
        var catalog = ChannelRecords.Catalog;
        var random = new Random(20);
        string? Pick(IReadOnlyList<string> names) => random.Next(3) == 0 ? null : names[random.Next(names.Count)];
        var attributes = catalog.Attributes.Select(a => a.Code).Append("not_in_catalog").ToArray();
        var locales = catalog.Locales.Append("xx_XX").ToArray();
        var channels = catalog.Channels.Select(c => c.Code).Append("elsewhere").ToArray();
        string[] currencies = ["EUR", "USD", "NOK"];
        var records = Enumerable.Range(0, 300).Select(r =>
        {
            var record = new ProductRecord($"SKU-{r}");
            for (var v = random.Next(25); v > 0; v--)
            {
                var names = (Attribute: attributes[random.Next(attributes.Length)], Locale: Pick(locales), Channel: Pick(channels), Currency: Pick(currencies));
                var slot = random.Next(2) == 0
                    ? ValueSlot.Of(names.Attribute, names.Locale, names.Channel, names.Currency)
                    : ValueSlot.Unshared(names.Attribute, names.Locale, names.Channel, names.Currency);
                record.Values.Add(new ProductValue(slot, $"{r}/{v}", ValueOrigin.FromRule("test")));
            }

            return record;
        }).ToList();

        foreach (var channel in catalog.Channels)
        {
            var view = new ChannelView(channel, catalog, ChannelView.GroupSize);
            foreach (var record in records.Concat(records))
            {
                foreach (var attribute in catalog.Attributes)
                {
                    // Each value's data is its own ("record/value"), so equal values are the same value of the record.
                    var expected = record.Resolve(attribute.Code, channel.Code, channel.Locale, channel.Currency);
                    Assert.That(view.Resolve(record, attribute.Code), Is.EqualTo(expected), $"{channel.Code} {record.Sku} {attribute.Code}");
                }
            }
        }
    }

    [Test]
    public void An_attribute_named_by_an_equal_string_of_its_own_resolves_like_the_catalogs()
    {
        var view = WebView();
        var record = ChannelRecords.Single("SOLO-1");
        record.Values.Add(new ProductValue(new string("name".AsSpan()), null, null, "Own string", ValueOrigin.FromRule("test")));

        Assert.That(view.Text(record, new string("name".AsSpan())), Is.EqualTo("Own string"));
        Assert.That(view.Resolve(record, "name")?.Data, Is.EqualTo("Own string"));
        Assert.That(view.Values(record).Select(v => (v.Attribute.Code, v.Data)), Does.Contain(("name", "Own string")));
    }

    [Test]
    public void Texts_follows_the_fields_it_is_given_when_they_change_from_call_to_call()
    {
        var view = WebView();
        var record = ChannelRecords.Single("SOLO-1", ("name", "Solo"), ("brand", "Acme"));
        var texts = new string?[3];

        view.Texts(record, ["name", "brand", "family"], texts);
        Assert.That(texts, Is.EqualTo(new[] { "Solo", "Acme", "tshirts" }));

        view.Texts(record, ["family", "not-an-attribute", "name"], texts);
        Assert.That(texts, Is.EqualTo(new[] { "tshirts", null, "Solo" }));
    }

    [Test]
    public void Texts_given_the_fields_of_two_callers_in_turn_gives_each_its_own_fields()
    {
        // A publish's comparison and its writer share a view, each with its own fields, record after record.
        var view = WebView();
        var record = ChannelRecords.Single("SOLO-1", ("name", "Solo"), ("brand", "Acme"));
        string[] first = ["name", "brand", "family"], second = ["family", "not-an-attribute", "name"], third = ["brand"];
        var texts = new string?[3];

        for (var pass = 0; pass < 3; pass++)
        {
            view.Texts(record, first, texts);
            Assert.That(texts, Is.EqualTo(new[] { "Solo", "Acme", "tshirts" }));
            view.Texts(record, second, texts);
            Assert.That(texts, Is.EqualTo(new[] { "tshirts", null, "Solo" }));
            if (pass == 1)
            {
                view.Texts(record, third, texts);
                Assert.That(texts[0], Is.EqualTo("Acme"));
            }
        }
    }

    [Test]
    public void Categories_and_groups_are_each_records_own_joined_whatever_the_records_before_had()
    {
        // Close neighbours of each other in turn: a text joined before is given again only for lists that join to it.
        string[][] lists =
        [
            ["apparel", "tshirts"], ["apparel", "tshirts"], ["apparel"], ["apparel", "tshirt"], ["apparel", "tshirts", "sale"],
            ["apparel,tshirts"], [], ["apparel", ""], ["apparel"], ["", "apparel"], ["apparel", "tshirts"],
        ];
        var view = WebView();
        for (var i = 0; i < lists.Length; i++)
        {
            var record = ChannelRecords.Single($"SOLO-{i}", ("name", "Solo"));
            record.Categories = lists[i];
            record.Groups = lists[i];

            var expected = lists[i].Length == 0 ? null : string.Join(',', lists[i]);
            Assert.That(view.Text(record, "categories"), Is.EqualTo(expected), $"categories of list {i}");
            Assert.That(view.Text(record, "groups"), Is.EqualTo(expected), $"groups of list {i}");
        }
    }
}
