using ProductFlow.Store;

namespace ProductFlow.Tests.Store;

public class StoredProductTests
{
    [Test]
    public void A_list_holds_a_channel_exactly_when_it_contains_the_channels_token()
    {
        string[] lists = ["", "|", "||", "|web|", "|webshop|", "|shop|web|", "|google|partner|shopify|web|", "|web||partner|", "web", "|we|b|", "|a|b|a|", "|web|web|"];
        string[] channels = ["web", "shop", "eb", "webshop", "partner", "a", "b", "", "|", "|web", "web|", "google|partner", "x"];
        foreach (var list in lists)
        {
            foreach (var channel in channels)
            {
                Assert.That(StoredProduct.Holds(list, channel), Is.EqualTo(list.Contains(StoredProduct.BlockedToken(channel), StringComparison.Ordinal)), $"'{channel}' in '{list}'");
            }
        }
    }

    [Test]
    public void Generated_lists_agree_with_the_token_search()
    {
        var random = new Random(20);
        const string Alphabet = "ab|";
        for (var n = 0; n < 20_000; n++)
        {
            var list = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var channel = new string(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            Assert.That(StoredProduct.Holds(list, channel), Is.EqualTo(list.Contains(StoredProduct.BlockedToken(channel), StringComparison.Ordinal)), $"'{channel}' in '{list}'");
        }
    }

    [Test]
    public void FormatBlocked_sorts_the_channels_between_bars_call_after_call_whatever_came_before()
    {
        (IReadOnlyCollection<string> Channels, string Text)[] cases =
        [
            (new[] { "web", "google" }, "|google|web|"),
            (new List<string> { "google", "web" }, "|google|web|"),
            (new HashSet<string> { "web", "google" }, "|google|web|"),
            (new[] { "web" }, "|web|"),
            (new[] { "web", "google", "shopify", "partner", "b2b", "amazon", "ebay", "idealo", "zalando" }, "|amazon|b2b|ebay|google|idealo|partner|shopify|web|zalando|"),
            (new[] { "google", "web", "partner" }, "|google|partner|web|"),
            (Array.Empty<string>(), ""),
            (new[] { "web", "google" }, "|google|web|"),
        ];

        foreach (var (channels, text) in cases.Concat(cases.Reverse()))
        {
            Assert.That(StoredProduct.FormatBlocked(channels), Is.EqualTo(text), string.Join(",", channels));
        }

        Assert.That(StoredProduct.FormatBlocked(["web", "google"]), Is.SameAs(StoredProduct.FormatBlocked(new List<string> { "google", "web" })), "the same channels again: the last text");
    }
}
