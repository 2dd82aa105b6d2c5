using ProductFlow.Connectors;
using ProductFlow.Connectors.Akeneo;
using ProductFlow.Mapping.Akeneo;
using ProductFlow.Ordering;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Connectors.Akeneo;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Ordering;

public class FeedSurveyTests
{
    [TestCase("sku;parent\nA;M1\nB;M1\nC;M2\nD;\n", true)]
    [TestCase("sku;parent\nA;M1\nC;M2\nB;M1\n", false)]
    [TestCase("code;parent\nS1;M1\nM1;\n", false)]
    [TestCase("code;parent\nM1;\nS1;M1\n", true)]
    [TestCase("sku;code;parent\n;M1;\nA;;M1\n", true)]
    [TestCase("sku;code;parent\nA;;M1\n;M1;\n", false)]
    public async Task A_feed_is_grouped_when_each_parents_rows_come_together_and_models_come_first(string csv, bool grouped)
    {
        var survey = await SurveyAsync(csv);

        Assert.That(survey.Grouped, Is.EqualTo(grouped));
    }

    [Test]
    public async Task A_product_model_export_holds_no_products()
    {
        var models = await SurveyAsync("code;family_variant;parent\nM1;v;\nS1;v;M1\n");
        var products = await SurveyAsync("sku;parent\nA;M1\n");

        Assert.That((models.HasProducts, models.HasModels), Is.EqualTo((false, true)));
        Assert.That((products.HasProducts, products.HasModels), Is.EqualTo((true, false)));
    }

    private static async Task<FeedSurvey> SurveyAsync(string csv)
    {
        using var dir = new TempDirectory();
        var catalog = ProductFlow.Pipelines.CatalogLoader.Load(await AkeneoTestData.WriteCatalogAsync(dir));
        var source = new FeedSource(dir.File("feed.csv", csv)) { Delimiter = ';' };
        return await FeedSurvey.ScanAsync(new AkeneoCsvFeedReader(), source, new AkeneoMapper(catalog));
    }
}
