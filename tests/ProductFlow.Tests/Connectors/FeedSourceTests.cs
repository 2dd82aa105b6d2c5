using ProductFlow.Connectors;

namespace ProductFlow.Tests.Connectors;

public class FeedSourceTests
{
    [Test]
    public void Name_is_the_file_name_of_the_path_and_follows_a_new_path()
    {
        var source = new FeedSource(Path.Combine("inbox", "acme", "feed.csv"));
        var moved = source with { Path = Path.Combine("archive", "acme-2026.csv") };

        Assert.That(source.Name, Is.EqualTo("feed.csv"));
        Assert.That(moved.Name, Is.EqualTo("acme-2026.csv"));
        Assert.That(moved.Path, Is.EqualTo(Path.Combine("archive", "acme-2026.csv")));
    }
}
