using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Rules;
using ProductFlow.Tests.Support;
using static ProductFlow.Tests.Channels.ChannelRecords;

namespace ProductFlow.Tests.Channels;

/// <summary>Media paths (Akeneo's <c>files/...</c>) become URLs in the channels that have a <c>mediaBaseUrl</c>; the others report them.</summary>
public class MediaUrlTests
{
    [TestCase("files/JKT-1/picture/bag.jpg", "https://cdn.example.com/media/files/JKT-1/picture/bag.jpg")]
    [TestCase("/8/a/0/f/8a0f5e_my photo.jpg", "https://cdn.example.com/media/8/a/0/f/8a0f5e_my%20photo.jpg")]
    [TestCase("https://images.example.org/x.jpg", "https://images.example.org/x.jpg")]
    public void A_path_is_resolved_under_the_base_and_a_url_stays(string data, string url)
    {
        Assert.That(MediaUrl.Resolve(data, "https://cdn.example.com/media/"), Is.EqualTo(url));
    }

    [Test]
    public void Without_a_base_a_path_stays_a_path()
    {
        Assert.That(MediaUrl.Resolve("files/a.jpg", null), Is.EqualTo("files/a.jpg"));
    }

    [Test]
    public void A_channel_view_publishes_media_paths_as_urls_and_other_values_as_they_are()
    {
        var catalog = Some.Catalog();
        var channel = new ChannelDefinition { Code = "web", Kind = "web-json", Locale = "en_US", MediaBaseUrl = "https://cdn.example.com" };
        var record = Some.Record("A", ("picture", "files/A/picture/a.jpg"), ("brand", "files/not-media"));

        var view = new ChannelView(channel, catalog);

        Assert.That(view.Text(record, "picture"), Is.EqualTo("https://cdn.example.com/files/A/picture/a.jpg"));
        Assert.That(view.Text(record, "brand"), Is.EqualTo("files/not-media"), "only media attributes are resolved");
        Assert.That(view.Values(record).Single(v => v.Attribute.Code == "picture").Data, Is.EqualTo("https://cdn.example.com/files/A/picture/a.jpg"));
    }

    [Test]
    public async Task The_web_channel_links_a_media_path_under_its_base_url()
    {
        var catalog = CatalogLoader.Load(TestPaths.InRepository("schemas", "catalog.json"));
        catalog.FindAttribute("image")!.Type = AttributeType.Media;
        var web = catalog.FindChannel("web")!;
        var channel = new ChannelDefinition { Code = web.Code, Kind = web.Kind, Locale = web.Locale, Currency = web.Currency, Web = web.Web, MediaBaseUrl = "https://cdn.example.com/media" };
        var record = Single("SOLO-1", ("name", "Solo"), ("image", "files/SOLO-1/image/solo.jpg"));
        var output = new MemoryStream();

        await using (var writer = ChannelWriters.Create(channel, catalog, output))
        {
            writer.Write(record);
        }

        Assert.That(Text(output.ToArray()), Does.Contain("\"image\":\"https://cdn.example.com/media/files/SOLO-1/image/solo.jpg\""));
    }

    [Test]
    public void A_channel_without_a_base_reports_a_media_path_as_unresolved_and_publishes_the_record()
    {
        var catalog = Some.Catalog();
        catalog.Channels = [new ChannelDefinition { Code = "web", Kind = "web-json", Locale = "en_US" }, new ChannelDefinition { Code = "cdn", Kind = "web-json", Locale = "en_US", MediaBaseUrl = "https://cdn.example.com" }];
        var pipeline = new LoadedPipeline(
            new PipelineDefinition { Name = "t", Catalog = "c.json", Source = new SourceOptions(), Mapping = new MappingOptions { Sku = new ColumnMapping { Column = "sku" } }, Channels = ["web", "cdn"] }, catalog);

        var records = SomePipeline.Apply(pipeline, Some.Record("A", ("picture", "files/A/a.jpg")), Some.Record("B", ("picture", "https://x.example.com/b.jpg")));

        var issue = records[0].Issues.Single();
        Assert.That((issue.Rule, issue.Severity, issue.Channel, issue.Field, issue.Value), Is.EqualTo((RuleIds.MediaUnresolved, Severity.Warning, "web", "picture", "files/A/a.jpg")));
        Assert.That(records[1].Issues, Is.Empty, "an absolute URL needs no base");
    }
}
