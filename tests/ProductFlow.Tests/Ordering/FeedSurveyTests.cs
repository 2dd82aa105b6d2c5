using ProductFlow.Connectors;
using ProductFlow.Connectors.Akeneo;
using ProductFlow.Connectors.Csv;
using ProductFlow.Mapping;
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

    /// <summary>The feeds of the tests above, and Akeneo exports with columns the survey does not read.</summary>
    public static IEnumerable<string> AkeneoFeeds() =>
    [
        "sku;parent\nA;M1\nB;M1\nC;M2\nD;\n",
        "sku;parent\nA;M1\nC;M2\nB;M1\n",
        "code;parent\nS1;M1\nM1;\n",
        "code;parent\nM1;\nS1;M1\n",
        "sku;code;parent\n;M1;\nA;;M1\n",
        "sku;code;parent\nA;;M1\n;M1;\n",
        "code;family_variant;parent\nM1;v;\nS1;v;M1\n",
        "sku;parent\nA;M1\n",
        "sku;family;name-en_US;parent;enabled\nA;f;\"x;y\";M1;1\nB;f;z;M2;1\nC;f;\"broken\"q;M1;1\nD;f;w;M1\nE;f;v;M2;1\n",
        "code;family_variant;parent;sku\nM1;v;;\n;;M1;A\nM2;v;;\n;;M1;B\n",
    ];

    [TestCaseSource(nameof(AkeneoFeeds))]
    public async Task A_survey_of_the_identity_columns_finds_what_a_survey_of_every_column_finds(string csv)
    {
        var narrowed = await SurveyAsync(csv);
        var full = await SurveyAsync(csv, everyColumn: true);

        Assert.That(narrowed, Is.EqualTo(full));
    }

    [TestCase("sku;model\nA;M1\nX;M2;extra\nB;M1\n", true, TestName = "A row of the wrong field count is passed over by a narrowed survey as by a full one")]
    [TestCase("sku;model\nA;M1\nX;\"M2\"x\nB;M1\n", true, TestName = "A row of malformed quoting is passed over by a narrowed survey as by a full one")]
    [TestCase("sku;model\nA;M1\nB;M2\nC;\"M1\nD;M1\n", true, TestName = "A quote never closed stops a narrowed survey where it stops a full one")]
    [TestCase("sku;model\n\"A;M1\nB;M1\n", true, TestName = "A quote never closed on the first row stops a narrowed survey where it stops a full one")]
    public async Task A_narrowed_survey_meets_a_broken_row_where_a_full_one_does(string csv, bool grouped)
    {
        var mapper = new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "sku" }, Parent = new ColumnMapping { Column = "model" } });

        var narrowed = await SurveyAsync(csv, mapper);
        var full = await SurveyAsync(csv, new EveryColumn(mapper));

        Assert.That(narrowed, Is.EqualTo(full));
        Assert.That((narrowed.Grouped, narrowed.HasProducts), Is.EqualTo((grouped, true)));
    }

    [Test]
    public async Task A_mapping_that_identifies_rows_by_several_columns_is_surveyed_by_all_of_them()
    {
        // The parents are L1-M, L2-M, L1-M: not grouped. Read by the model column alone, they would all be M.
        var mapper = new FeedMapper(new MappingOptions
        {
            Sku = new ColumnMapping { Template = "{model}-{size}" },
            Parent = new ColumnMapping { Template = "{line}-{model}", Transform = [new TransformOptions { Kind = "upper" }] },
        });
        const string csv = "size;name;model;line\nS;a;m;l1\nS;b;m;l2\nM;c;m;l1\n";

        var narrowed = await SurveyAsync(csv, mapper);

        Assert.That(narrowed, Is.EqualTo(await SurveyAsync(csv, new EveryColumn(mapper))));
        Assert.That(narrowed.Grouped, Is.False);
    }

    [Test]
    public async Task A_product_model_export_holds_no_products()
    {
        var models = await SurveyAsync("code;family_variant;parent\nM1;v;\nS1;v;M1\n");
        var products = await SurveyAsync("sku;parent\nA;M1\n");

        Assert.That((models.HasProducts, models.HasModels), Is.EqualTo((false, true)));
        Assert.That((products.HasProducts, products.HasModels), Is.EqualTo((true, false)));
    }

    private static async Task<FeedSurvey> SurveyAsync(string csv, bool everyColumn = false)
    {
        using var dir = new TempDirectory();
        var catalog = ProductFlow.Pipelines.CatalogLoader.Load(await AkeneoTestData.WriteCatalogAsync(dir));
        var source = new FeedSource(dir.File("feed.csv", csv)) { Delimiter = ';' };
        var mapper = new AkeneoMapper(catalog);
        return await FeedSurvey.ScanAsync(new AkeneoCsvFeedReader(), source, everyColumn ? new EveryColumn(mapper) : mapper);
    }

    private static async Task<FeedSurvey> SurveyAsync(string csv, IRecordMapper mapper)
    {
        using var dir = new TempDirectory();
        var source = new FeedSource(dir.File("feed.csv", csv)) { Delimiter = ';', RequiredColumns = mapper.RequiredColumns };
        return await FeedSurvey.ScanAsync(new CsvFeedReader(), source, mapper);
    }

    /// <summary>A mapper that cannot tell which columns identify a row: the survey reads them all, as it did before it read fewer.</summary>
    private sealed class EveryColumn(IRecordMapper inner) : IRecordMapper
    {
        public IReadOnlyCollection<string> RequiredColumns => inner.RequiredColumns;

        public MappedRecord Map(SourceRow row) => inner.Map(row);

        public RowIdentity Identify(SourceRow row) => inner.Identify(row);
    }
}
