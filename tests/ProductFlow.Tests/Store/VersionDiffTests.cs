using System.Text;
using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

public class VersionDiffTests
{
    [Test]
    public void Changes_name_changed_added_and_removed_values_with_the_origin_of_the_new_value()
    {
        var before = Version(1, Some.Record("A", ("price", "10"), ("color", "black")));
        var record = Some.Record("A", ("price", "11"));
        record.Values.Add(new ProductValue("name", "en_US", null, "Tee", ValueOrigin.FromRule("default-name")));
        var after = Version(2, record);

        var changes = VersionDiff.Changes(before, after);

        Assert.That(changes, Is.EqualTo(new[]
        {
            new ValueChange("name", "en_US", null, null, null, "Tee", ValueOrigin.FromRule("default-name")),
            new ValueChange("price", null, null, null, "10", "11", ValueOrigin.FromCell("feed.csv", 2, "col")),
            new ValueChange("color", null, null, null, "black", null, null),
        }));
    }

    [Test]
    public void A_tombstone_is_one_removed_change_and_a_return_says_so()
    {
        var live = Version(1, Some.Record("A", ("price", "10")));
        var tombstone = live with { Version = 2, Removed = true, Lineage = Encoding.UTF8.GetBytes("[]") };
        var back = live with { Version = 3 };

        Assert.That(VersionDiff.Changes(live, tombstone), Is.EqualTo(new[] { new ValueChange("removed", null, null, null, "false", "true", null) }));
        Assert.That(VersionDiff.Changes(tombstone, back), Is.EqualTo(new[] { new ValueChange("removed", null, null, null, "true", "false", null) }));
    }

    private static StoredVersion Version(int version, ProductRecord record)
    {
        var document = new ProductDocument();
        document.Write(record);
        return new StoredVersion(version, "run", DateTimeOffset.UnixEpoch, document.Content.ToArray(), document.Lineage.ToArray());
    }
}
