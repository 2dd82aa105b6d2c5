using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>The contract of a merged record's check: a store that merges sources asks the run's check for the merged record's verdict.</summary>
public abstract partial class ProductStoreContractTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task A_merged_record_gets_the_verdict_of_the_runs_check_on_the_whole_record()
    {
        var supplier = Some.Record("A", ("name", "Tee"));
        supplier.Notes = new ProductNotes(["partner"], [new Issue(Severity.Error, "completeness", "price is missing") { Channel = "partner" }]);
        await FeedAsync("supplier", supplier, blocked: ["partner"]);
        var erp = Some.Record("A", ("price", "10"));
        erp.Notes = new ProductNotes(["partner"], [new Issue(Severity.Error, "completeness", "name is missing") { Channel = "partner" }, new Issue(Severity.Warning, "sku.case", "a record note")]);
        var check = new NeedsNameAndPrice();

        var options = new SessionOptions { Sources = ErpPrices, MergeCheck = check };
        await using (var session = await Store.BeginAsync(Run(pipeline: "erp"), options, Token))
        {
            await session.UpsertAsync(erp, ["partner"], Token);
            await session.CommitAsync(Token);
        }

        var product = (await Store.FindProductAsync("A", Token))!;
        Assert.That(check.Checked, Is.EqualTo(new[] { "name=Tee price=10" }), "the check saw the merged record");
        Assert.That((await ChannelAsync("partner")).Select(r => r.Sku), Is.EqualTo(new[] { "A" }));
        Assert.That(product.Record.Notes.Issues.Select(i => (i.Rule, i.Channel)), Is.EqualTo(new (string, string?)[] { ("sku.case", null) }), "the half's channel issues give way");
        Assert.That(product.Record.Notes.Completeness, Is.EqualTo(new[] { new CompletenessScore("partner", "en_US", 2, 2) }));
    }

    /// <summary>A check that wants a name and a price on the partner channel, and remembers what it saw.</summary>
    private sealed class NeedsNameAndPrice : IMergedRecordCheck
    {
        public List<string> Checked { get; } = [];

        public MergedVerdict Check(ProductRecord merged)
        {
            string? Data(string attribute) => merged.Values.FirstOrDefault(v => v.Attribute == attribute)?.Data;
            Checked.Add($"name={Data("name")} price={Data("price")}");
            var present = new[] { "name", "price" }.Count(a => Data(a) is not null);
            List<Issue> issues = present == 2 ? [] : [new Issue(Severity.Error, "completeness", "incomplete") { Channel = "partner" }];
            return new MergedVerdict(issues, [new CompletenessScore("partner", "en_US", present, 2)]);
        }
    }
}
