using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

public class SourceMergeTests
{
    private static readonly SourcesDefinition ErpFirst = new()
    {
        Precedence = new Dictionary<string, IReadOnlyList<string>> { ["price"] = ["erp", "supplier"] },
    };

    [Test]
    public void Equal_rank_lets_the_latest_feed_win()
    {
        var stored = Stored(("name", "Tee", "pim"));

        var merged = SourceMerge.Merge(stored, Some.Record("A", ("name", "Shirt")), "supplier", ErpFirst);

        Assert.That(merged.Values.Select(v => (v.Data, v.Origin.Source)), Is.EqualTo(new[] { ("Shirt", "supplier") }));
    }

    [Test]
    public void A_stronger_stored_value_stays_and_a_price_in_another_currency_fills_in()
    {
        var stored = Stored(("price", "10", "erp"));
        var incoming = Some.Record("A", ("price", "12"));
        incoming.Values.Add(new ProductValue("price", null, null, "14", ValueOrigin.FromCell("feed.csv", 2, "usd")) { Currency = "USD" });

        var merged = SourceMerge.Merge(stored, incoming, "supplier", ErpFirst);

        Assert.That(merged.Values.Select(v => (v.Data, v.Currency, v.Origin.Source)), Is.EquivalentTo(new[] { ("10", (string?)null, "erp"), ("14", "USD", "supplier") }));
    }

    [Test]
    public void Enabled_stays_as_stored_unless_the_feed_says()
    {
        var stored = Stored();
        stored.Enabled = false;
        var silent = Some.Record("A");
        var says = Some.Record("A");
        says.Enabled = true;

        Assert.That(
            (SourceMerge.Merge(stored, silent, "erp", ErpFirst).Enabled, SourceMerge.Merge(stored, says, "erp", ErpFirst).Enabled),
            Is.EqualTo((false, true)));
    }

    [Test]
    public void Blocking_follows_the_run_for_the_channels_it_checked_and_stays_for_the_others()
    {
        var blocked = SourceMerge.Blocked(["web", "partner"], ["shop"], ["partner", "shop"]);

        Assert.That(blocked, Is.EquivalentTo(new[] { "shop", "web" }));
    }

    [Test]
    public void The_source_list_adds_and_removes_a_source_once()
    {
        var both = SourceList.With(SourceList.With(SourceList.Of("supplier"), "erp"), "erp");

        Assert.That((both, SourceList.Without(both, "supplier"), SourceList.Without(SourceList.Of("erp"), "erp")), Is.EqualTo(("|supplier|erp|", "|erp|", "")));
        Assert.That((SourceList.HasOthers(both, "erp"), SourceList.HasOthers("|erp|", "erp")), Is.EqualTo((true, false)));
    }

    private static ProductRecord Stored(params (string Attribute, string Data, string Source)[] values)
    {
        var record = new ProductRecord("A");
        foreach (var (attribute, data, source) in values)
        {
            record.Values.Add(new ProductValue(attribute, null, null, data, new ValueOrigin { Feed = "old.csv", Line = 2, Column = attribute, Source = source }));
        }

        return record;
    }
}
