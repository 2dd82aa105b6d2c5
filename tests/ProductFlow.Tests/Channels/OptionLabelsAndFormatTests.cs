using System.Text;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Channels;

/// <summary>Option labels per locale (matched on input, written where a column asks) and per-column number formats of a partner CSV.</summary>
public class OptionLabelsAndFormatTests
{
    private static ProductCatalog Catalog()
    {
        var catalog = Some.Catalog();
        catalog.Locales = ["en_US", "de_DE", "nb_NO"];
        catalog.Currencies = ["EUR", "NOK"];
        catalog.Attributes = catalog.Attributes.Select(a => a.Code != "color" ? a : new AttributeDefinition
        {
            Code = "color", Type = AttributeType.Select,
            Options =
            [
                new AttributeOption("black") { Labels = new Dictionary<string, string> { ["nb_NO"] = "Svart", ["en_US"] = "Black" } },
                new AttributeOption("white") { Labels = new Dictionary<string, string> { ["nb_NO"] = "Hvit" } },
                "navy",
            ],
        }).ToList();
        catalog.Channels =
        [
            new ChannelDefinition
            {
                Code = "partner_no", Kind = "partner-csv", Locale = "nb_NO", Currency = "NOK", Delimiter = ";", DecimalSeparator = ",", Encoding = "utf-8",
                Columns =
                [
                    new ChannelColumn { Header = "Varenummer", Value = "sku" },
                    new ChannelColumn { Header = "Farge", Value = "color", Options = "label" },
                    new ChannelColumn { Header = "Fargekode", Value = "color" },
                    new ChannelColumn { Header = "Pris", Value = "price", Decimals = 2 },
                    new ChannelColumn { Header = "Pris med valuta", Value = "price", Decimals = 2, Currency = "suffix" },
                ],
            },
        ];
        return catalog;
    }

    [TestCase("Svart", "black")]
    [TestCase("svart ", "black")]
    [TestCase("Black", "black")]
    [TestCase("HVIT", "white")]
    [TestCase("navy", "navy")]
    public void A_feed_may_send_an_options_label_in_any_locale(string sent, string stored)
    {
        var definition = SomePipeline.With(new RulesOptions()).Definition;
        definition.Channels = ["partner_no"];
        var pipeline = new LoadedPipeline(definition, Catalog());

        var mapped = SomePipeline.Apply(pipeline, Some.Record("A", ("color", sent))).Single();

        Assert.That(mapped.Issues, Is.Empty);
        Assert.That(mapped.Record.Values.Single().Data, Is.EqualTo(stored));
    }

    [Test]
    public async Task A_column_writes_labels_in_the_channels_locale_and_prices_with_fixed_decimals_and_currency()
    {
        var catalog = Catalog();
        var stream = new MemoryStream();
        var writer = ChannelWriters.Create(catalog.Channels[0], catalog, stream);
        var svart = Some.Record("NO-1", ("color", "black"));
        svart.Values.Add(new ProductValue("price", null, null, "499", ValueOrigin.FromRule("x")) { Currency = "NOK" });
        var navy = Some.Record("NO-2", ("color", "navy"));
        navy.Values.Add(new ProductValue("price", null, null, "1299.5", ValueOrigin.FromRule("x")) { Currency = "NOK" });
        writer.Write(svart);
        writer.Write(navy);
        await writer.DisposeAsync();

        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(
            "Varenummer;Farge;Fargekode;Pris;Pris med valuta\r\nNO-1;Svart;black;499,00;499,00 NOK\r\nNO-2;navy;navy;1299,50;1299,50 NOK\r\n"));
    }

    [Test]
    public void A_label_that_names_another_option_is_a_catalog_problem()
    {
        using var dir = new TempDirectory();
        var file = dir.File("catalog.json", """
            { "locales": ["nb_NO"], "currencies": ["NOK"],
              "attributes": [ { "code": "color", "type": "select", "options": [ "black", { "code": "white", "labels": { "nb_NO": "Black", "xx_XX": "Hvit" } } ] } ] }
            """);

        var problems = Assert.Throws<PipelineDefinitionException>(() => CatalogLoader.Load(file))!.Problems;

        Assert.That(problems.Select(p => p.JsonPath), Is.EquivalentTo(new[] { "$.attributes[0].options[1].labels.nb_NO", "$.attributes[0].options[1].labels.xx_XX" }));
    }
}
