using ProductFlow.Channels;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Rules;
using ProductFlow.Tests.Support;
using static ProductFlow.Tests.Rules.VariantRuleTests;

namespace ProductFlow.Tests.Rules;

/// <summary>A product model's rows held until the model ends: lone parents and values lifted to the model.</summary>
public class ModelGroupsTests
{
    [Test]
    public void A_parent_no_other_row_of_a_full_feed_names_is_an_orphan()
    {
        var records = SomePipeline.Apply(
            Pipeline(new RulesOptions(), FeedMode.Full),
            Variant("M1", "A", "black", "s"), Variant("M1", "B", "black", "m"), Variant("M1X", "C", "white", "s"), Variant("M3", "D", "black", "s"), Variant("M3", "E", "white", "s"));

        Assert.That(records.Select(r => string.Join(",", r.Issues.Select(i => i.Rule))), Is.EqualTo(new[] { "", "", RuleIds.VariantOrphan, "", "" }));
        var issue = records[2].Issues.Single();
        Assert.That((issue.Severity, issue.Field, issue.Line), Is.EqualTo((Severity.Error, "parent", (long?)4)));
        Assert.That(issue.Message, Does.Contain("parent 'M1X' is not a known product model"));
        Assert.That(records[2].IsRejected, Is.True);
    }

    [Test]
    public void Rules_told_the_rows_come_grouped_find_the_same_orphans_without_keeping_finished_models()
    {
        using var rules = RuleSet.Create(Pipeline(new RulesOptions(), FeedMode.Full), ChannelRules.For, grouped: true);
        var records = new[] { ("M1", "A"), ("M1", "B"), ("M1X", "C"), ("M3", "D"), ("M3", "E"), ("M4", "F") }
            .Select((row, i) => Some.Mapped(Variant(row.Item1, row.Item2, i % 2 == 0 ? "black" : "white", "s")))
            .ToList();

        var done = new List<MappedRecord>();
        records.ForEach(record => done.AddRange(rules.Apply(record)));
        done.AddRange(rules.Finish());

        Assert.That(done, Is.EqualTo(records));
        Assert.That(records.Select(r => string.Join(",", r.Issues.Select(i => i.Rule))), Is.EqualTo(new[] { "", "", RuleIds.VariantOrphan, "", "", RuleIds.VariantOrphan }));
    }

    [Test]
    public void A_lone_parent_of_a_partial_feed_may_be_a_stored_model_and_is_not_reported()
    {
        var records = SomePipeline.Apply(Pipeline(new RulesOptions(), FeedMode.Partial), Variant("M1", "A", "black", "s"));

        Assert.That(records.Single().Issues, Is.Empty);
    }

    [Test]
    public void An_orphans_severity_can_be_lowered_so_the_row_is_kept()
    {
        var rules = new RulesOptions { Severity = new Dictionary<string, Severity> { [RuleIds.VariantOrphan] = Severity.Warning } };

        var records = SomePipeline.Apply(Pipeline(rules, FeedMode.Full), Variant("M1", "A", "black", "s"), Variant("M9", "B", "black", "s"));

        Assert.That(records.Select(r => (r.Issues.Single().Rule, r.IsRejected)), Is.EqualTo(new[] { (RuleIds.VariantOrphan, false), (RuleIds.VariantOrphan, false) }));
    }

    [Test]
    public void Values_every_variant_of_a_model_shares_are_lifted_but_axes_model_level_values_and_differing_ones_are_not()
    {
        var records = SomePipeline.Apply(
            Pipeline(new RulesOptions()),
            Variant("M1", "A", "black", "s", price: "10"), Variant("M1", "B", "black", "m", price: "10"),
            Variant("M2", "C", "black", "s", price: "10"), Variant("M2", "D", "black", "m", price: "9"));

        Assert.That(Rules(records[0]), Is.EqualTo(new Dictionary<string, string?> { ["brand"] = null, ["price"] = "lift", ["color"] = null, ["tags"] = "lift", ["size_code"] = null }));
        Assert.That(Rules(records[1]), Is.EqualTo(Rules(records[0])), "a lifted value is the model's on every variant");
        Assert.That(Rules(records[2])["price"], Is.Null, "M2's prices differ");
        Assert.That(Rules(records[2])["tags"], Is.EqualTo("lift"));
        Assert.That(records[0].Record.Values.Single(v => v.Attribute == "price").Origin.Column, Is.EqualTo("col"), "a lifted value keeps its cell");
    }

    [Test]
    public void A_rejected_variant_takes_no_part_in_lifting()
    {
        var records = SomePipeline.Apply(
            Pipeline(new RulesOptions()),
            Variant("M1", "A", "black", "s", price: "10"), Variant("M1", "B", "black", "s", price: "9"), Variant("M1", "C", "white", "s", price: "10"));

        Assert.That(records[1].IsRejected, Is.True, "B repeats A's axes");
        Assert.That(Rules(records[2])["price"], Is.EqualTo("lift"));
    }

    [Test]
    public void A_value_a_variant_holds_twice_is_lifted_at_its_first_place_only()
    {
        var first = Variant("M1", "A", "black", "s");
        first.Values.Add(Some.Value("tags", "new"));

        var records = SomePipeline.Apply(Pipeline(new RulesOptions()), first, Variant("M1", "B", "black", "m"));

        var tags = records[0].Record.Values.Where(v => v.Attribute == "tags").Select(v => v.Origin.Rule);
        Assert.That(tags, Is.EqualTo(new[] { "lift", null }), "each variant's value is found at its first place, once per value of the first variant");
        Assert.That(Rules(records[1])["tags"], Is.EqualTo("lift"));
    }

    [Test]
    public void Rows_of_a_model_come_back_when_the_model_ends_in_feed_order_with_channel_rules_applied()
    {
        using var rules = RuleSet.Create(Pipeline(new RulesOptions()), ChannelRules.For);
        var a = Some.Mapped(Variant("M1", "A", "black", "s"));
        var b = Some.Mapped(Variant("M1", "B", "black", "m"));
        var c = Some.Mapped(Variant("M2", "C", "black", "s"));
        var simple = Some.Mapped(Some.Record("D"));

        Assert.That(rules.Apply(a), Is.Empty);
        Assert.That(rules.Apply(b), Is.Empty);
        Assert.That(rules.Apply(c).ToList(), Is.EqualTo(new[] { a, b }));
        Assert.That(rules.Apply(simple).ToList(), Is.EqualTo(new[] { c, simple }));
        Assert.That(rules.Finish(), Is.Empty);
    }

    [Test]
    public void A_model_of_more_rows_than_are_held_streams_on_unlifted()
    {
        using var rules = RuleSet.Create(Pipeline(new RulesOptions(), FeedMode.Full), ChannelRules.For);
        var rows = Enumerable.Range(0, ModelGroups.MaxRows + 2).Select(i => Some.Mapped(Variant("M1", "A" + i, "black", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        var counts = rows.Select(row => rules.Apply(row).Count).ToList();
        var last = rules.Finish();

        Assert.That(counts.Take(ModelGroups.MaxRows), Has.All.Zero);
        Assert.That(counts.Skip(ModelGroups.MaxRows), Is.EqualTo(new[] { ModelGroups.MaxRows + 1, 1 }));
        Assert.That(last, Is.Empty);
        Assert.That(rows.SelectMany(r => r.Record.Values).Select(v => v.Origin.Rule), Has.None.EqualTo(ModelGroups.LiftRule));
        Assert.That(rows.SelectMany(r => r.Issues), Is.Empty);
    }

    private static Dictionary<string, string?> Rules(MappedRecord record) =>
        record.Record.Values.ToDictionary(v => v.Attribute, v => v.Origin.Rule);
}
