using ProductFlow.Model;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Mapping;

public class MappedRecordTests
{
    [Test]
    public void BlockedChannels_lists_each_channel_of_an_error_once_in_the_order_of_its_first_error()
    {
        var mapped = Some.Mapped(Some.Record("SKU-1"));
        mapped.AddIssue(new Issue(Severity.Error, "google.required", "no image") { Channel = "google" });
        mapped.AddIssue(new Issue(Severity.Warning, "value.formula-like", "a formula") { Channel = "shopify" });
        mapped.AddIssue(new Issue(Severity.Error, "required", "no price")); // the record's own: rejects it, blocks no channel
        mapped.AddIssue(new Issue(Severity.Error, "schema", "too long") { Channel = "partner" });
        mapped.AddIssue(new Issue(Severity.Error, "google.gtin", "bad gtin") { Channel = "google" });

        Assert.That(mapped.BlockedChannels, Is.EqualTo(new[] { "google", "partner" }));
    }

    [Test]
    public void BlockedChannels_is_empty_without_a_channel_error()
    {
        var mapped = Some.Mapped(Some.Record("SKU-1"));
        mapped.AddIssue(new Issue(Severity.Warning, "value.formula-like", "a formula") { Channel = "shopify" });

        Assert.That(mapped.BlockedChannels, Is.Empty);
    }
}
