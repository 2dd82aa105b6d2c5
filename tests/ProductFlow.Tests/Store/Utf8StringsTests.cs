using System.Text;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.Tests.Store;

public class Utf8StringsTests
{
    [Test]
    public void The_same_bytes_as_the_last_give_the_same_string_and_other_bytes_their_own()
    {
        var strings = new Utf8Strings();

        var first = strings.Of(Encoding.UTF8.GetBytes("|web|shopify|"));
        var again = strings.Of(Encoding.UTF8.GetBytes("|web|shopify|"));
        var other = strings.Of(Encoding.UTF8.GetBytes("|grüße|"));
        var empty = strings.Of([]);

        Assert.That(first, Is.EqualTo("|web|shopify|"));
        Assert.That(again, Is.SameAs(first));
        Assert.That(other, Is.EqualTo("|grüße|"));
        Assert.That(empty, Is.EqualTo(""));
    }
}
