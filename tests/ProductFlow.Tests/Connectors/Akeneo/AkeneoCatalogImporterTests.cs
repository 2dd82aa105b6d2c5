using ProductFlow.Catalog;
using ProductFlow.Catalog.Akeneo;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors.Akeneo;

public class AkeneoCatalogImporterTests
{
    [Test]
    public async Task Import_maps_attributes_options_families_variants_channels_and_categories()
    {
        var import = await AkeneoCatalogImporter.ImportAsync(AkeneoTestData.Folder);
        var catalog = import.Catalog;

        Assert.That(catalog.Locales, Is.EqualTo(new[] { "en_US", "de_DE" }));
        Assert.That(catalog.Currencies, Is.EqualTo(new[] { "EUR", "USD" }));
        Assert.That(catalog.Scopes.Select(s => (s.Code, string.Join(",", s.Locales), s.CategoryTree)), Is.EqualTo(new[] { ("ecommerce", "en_US,de_DE", "master"), ("mobile", "en_US", "master") }));
        Assert.That(
            catalog.Attributes.Select(a => (a.Code, a.Type)),
            Is.EqualTo(new[]
            {
                ("sku", AttributeType.Identifier), ("name", AttributeType.Text), ("description", AttributeType.Textarea), ("price", AttributeType.Price),
                ("weight", AttributeType.Metric), ("color", AttributeType.Select), ("size", AttributeType.Select), ("tags", AttributeType.MultiSelect),
                ("waterproof", AttributeType.Boolean), ("picture", AttributeType.Media), ("legacy_ref", AttributeType.Text),
            }));
        var description = catalog.FindAttribute("description")!;
        Assert.That((description.Localizable, description.Scopable), Is.EqualTo((true, true)));
        Assert.That((catalog.FindAttribute("weight")!.MetricFamily, catalog.FindAttribute("weight")!.Unit), Is.EqualTo(("mass", "KILOGRAM")), "an Akeneo metric of family Weight is a mass metric");
        Assert.That(catalog.FindAttribute("color")!.Options.Select(o => o.Code), Is.EqualTo(new[] { "black", "white" }));
        var family = catalog.FindFamily("jackets")!;
        Assert.That(family.Requirements["ecommerce"], Is.EqualTo(new[] { "sku", "name", "price" }));
        Assert.That(catalog.FamilyVariants.Single(v => v.Family == family.Code).Levels.Select(l => l.Axes), Is.EqualTo(new[] { new[] { "color" }, new[] { "size" } }));
        Assert.That(catalog.Categories.Select(c => (c.Code, c.Parent)), Is.EqualTo(new (string, string?)[] { ("master", null), ("outdoor", "master"), ("sale", "master") }));
        Assert.That(import.Warnings, Has.One.Contains("legacy_ref"));
    }

    [Test]
    public async Task The_imported_catalog_file_loads_and_validates()
    {
        using var dir = new TempDirectory();

        var catalog = CatalogLoader.Load(await AkeneoTestData.WriteCatalogAsync(dir));

        Assert.That(catalog.Attributes, Has.Count.EqualTo(11));
        Assert.That(catalog.IsScope("mobile"), Is.True);
    }

    [Test]
    public async Task Import_without_channels_csv_fails_naming_the_file()
    {
        using var dir = new TempDirectory();
        dir.File("attributes.csv", "code;type\nsku;pim_catalog_identifier\n");

        var error = await Assert.ThrowsAsync<ProductFlowException>(() => AkeneoCatalogImporter.ImportAsync(dir.Path));

        Assert.That(error!.Message, Does.Contain("channels.csv"));
    }

    [Test]
    public void The_cli_imports_a_catalog_to_a_file()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("catalog.json");

        var result = CliProcess.Run(dir.Path, "catalog", "import", "--from", "akeneo", AkeneoTestData.Folder, "--output", output);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain("imported 11 attributes, 1 families"));
        Assert.That(CatalogLoader.Load(output).FindFamily("jackets"), Is.Not.Null);
    }
}
