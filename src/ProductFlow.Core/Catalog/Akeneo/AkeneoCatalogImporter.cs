using ProductFlow.Connectors;
using ProductFlow.Connectors.Csv;
using ProductFlow.Primitives.Units;

namespace ProductFlow.Catalog.Akeneo;

/// <summary>Builds a ProductFlow catalog from Akeneo's structure exports, so a migration does not start with a hundred hand-written attributes.</summary>
/// <remarks>
/// Reads, from one folder, <c>channels.csv</c> and <c>attributes.csv</c> (required) and <c>attribute_options.csv</c>,
/// <c>families.csv</c>, <c>family_variants.csv</c>, <c>categories.csv</c> (when present): Akeneo's <c>;</c>-separated
/// CSV exports. Akeneo channels become <see cref="ScopeDefinition"/>s (value scopes; publication channels stay
/// hand-written); the catalog's locales and currencies are those the channels use. Attribute types map as
/// <see cref="TypeOf"/> says; a metric of weight, length, volume or temperature becomes a metric (values converted to its
/// default unit), any other metric a number with its default unit. Images and files become <c>media</c> (paths into Akeneo's media store,
/// which a channel's <c>mediaBaseUrl</c> turns into URLs); an asset collection (asset codes, not paths) is imported as text. Labels are not imported.
/// </remarks>
public static class AkeneoCatalogImporter
{
    public static async Task<AkeneoImport> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var warnings = new List<string>();
        var channels = await ReadAsync(folder, "channels.csv", required: true, cancellationToken).ConfigureAwait(false);
        var attributes = await ReadAsync(folder, "attributes.csv", required: true, cancellationToken).ConfigureAwait(false);
        var options = await ReadAsync(folder, "attribute_options.csv", required: false, cancellationToken).ConfigureAwait(false);
        var families = await ReadAsync(folder, "families.csv", required: false, cancellationToken).ConfigureAwait(false);
        var variants = await ReadAsync(folder, "family_variants.csv", required: false, cancellationToken).ConfigureAwait(false);
        var categories = await ReadAsync(folder, "categories.csv", required: false, cancellationToken).ConfigureAwait(false);

        var scopes = channels.Select(c => new ScopeDefinition
        {
            Code = c["code"],
            Locales = List(c.GetValueOrDefault("locales")),
            Currencies = List(c.GetValueOrDefault("currencies")),
            CategoryTree = Blank(c.GetValueOrDefault("category_tree")),
        }).ToList();

        var optionsByAttribute = options.GroupBy(o => o["attribute"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => int.TryParse(o.GetValueOrDefault("sort_order"), out var n) ? n : 0).Select(o => o["code"]).ToList(), StringComparer.Ordinal);

        var catalog = new ProductCatalog
        {
            Locales = scopes.SelectMany(s => s.Locales).Distinct(StringComparer.Ordinal).ToList(),
            Currencies = scopes.SelectMany(s => s.Currencies).Distinct(StringComparer.Ordinal).ToList(),
            Scopes = scopes,
            Attributes = attributes.Select(a => Attribute(a, optionsByAttribute, warnings)).ToList(),
            Families = families.Select(Family).ToList(),
            FamilyVariants = variants.Select(FamilyVariant).ToList(),
            Categories = categories.Select(c => new CategoryDefinition { Code = c["code"], Parent = Blank(c.GetValueOrDefault("parent")) }).ToList(),
        };
        return new AkeneoImport(catalog, warnings);
    }

    /// <summary>The ProductFlow type of an Akeneo attribute type; <c>null</c> for a type ProductFlow has no equivalent of (imported as text).</summary>
    public static AttributeType? TypeOf(string akeneoType) => akeneoType switch
    {
        "pim_catalog_identifier" => AttributeType.Identifier,
        "pim_catalog_text" => AttributeType.Text,
        "pim_catalog_textarea" => AttributeType.Textarea,
        "pim_catalog_number" or "pim_catalog_metric" => AttributeType.Number,
        "pim_catalog_price_collection" => AttributeType.Price,
        "pim_catalog_boolean" => AttributeType.Boolean,
        "pim_catalog_date" => AttributeType.Date,
        "pim_catalog_simpleselect" => AttributeType.Select,
        "pim_catalog_multiselect" => AttributeType.MultiSelect,
        "pim_catalog_image" or "pim_catalog_file" => AttributeType.Media,
        _ => null,
    };

    private static AttributeDefinition Attribute(Dictionary<string, string> row, Dictionary<string, List<string>> options, List<string> warnings)
    {
        var code = row["code"];
        var akeneoType = row.GetValueOrDefault("type") ?? "";
        var type = TypeOf(akeneoType);
        if (type is null)
        {
            warnings.Add($"attribute '{code}': Akeneo type '{akeneoType}' has no ProductFlow equivalent: imported as text");
        }

        var codes = options.GetValueOrDefault(code) ?? [];
        if (type is AttributeType.Select or AttributeType.MultiSelect && codes.Count == 0)
        {
            warnings.Add($"attribute '{code}': a select without options in attribute_options.csv: imported as text");
            type = AttributeType.Text;
        }

        // Akeneo metrics of the families ProductFlow converts become metrics; others stay numbers with their (checked) unit.
        var metricFamily = akeneoType == "pim_catalog_metric" ? MetricFamilyOf(row.GetValueOrDefault("metric_family"), row.GetValueOrDefault("default_metric_unit")) : null;
        if (metricFamily is not null)
        {
            type = AttributeType.Metric;
        }

        return new AttributeDefinition
        {
            Code = code,
            Type = type ?? AttributeType.Text,
            Localizable = row.GetValueOrDefault("localizable") == "1",
            Scopable = row.GetValueOrDefault("scopable") == "1",
            Unit = akeneoType == "pim_catalog_metric" ? Blank(row.GetValueOrDefault("default_metric_unit")) : null,
            MetricFamily = metricFamily,
            Options = type is AttributeType.Select or AttributeType.MultiSelect ? codes.Select(AttributeOption.FromString).ToList() : [],
        };
    }

    private static string? MetricFamilyOf(string? akeneoFamily, string? unit)
    {
        var family = akeneoFamily?.Trim().ToUpperInvariant() switch
        {
            "WEIGHT" => "mass",
            "LENGTH" => "length",
            "VOLUME" => "volume",
            "TEMPERATURE" => "temperature",
            _ => null,
        };
        return family is not null && unit is not null && UnitTable.Find(family, unit) is not null ? family : null;
    }

    private static FamilyVariantDefinition FamilyVariant(Dictionary<string, string> row)
    {
        var axes = Levels(row, "variant-axes_");
        var allAxes = axes.SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
        // Akeneo lists a level's axes among its variant attributes too; ProductFlow keeps each attribute at one place.
        var attributes = Levels(row, "variant-attributes_").Select(level => (IReadOnlyList<string>)level.Where(a => !allAxes.Contains(a)).ToList()).ToList();
        return new FamilyVariantDefinition
        {
            Code = row["code"],
            Family = row["family"],
            Levels = axes.Select((level, i) => new VariantLevel { Axes = level, Attributes = i < attributes.Count ? attributes[i] : [] }).ToList(),
        };
    }

    private static FamilyDefinition Family(Dictionary<string, string> row)
    {
        var code = row["code"];
        return new FamilyDefinition
        {
            Code = code,
            Attributes = List(row.GetValueOrDefault("attributes")),
            Requirements = row.Where(p => p.Key.StartsWith("requirements-", StringComparison.Ordinal))
                .ToDictionary(p => p.Key["requirements-".Length..], p => (IReadOnlyList<string>)List(p.Value), StringComparer.Ordinal),
        };
    }

    private static List<IReadOnlyList<string>> Levels(Dictionary<string, string> row, string prefix) =>
        Enumerable.Range(1, 5).Select(level => List(row.GetValueOrDefault(prefix + level))).TakeWhile(l => l.Count > 0).Select(l => (IReadOnlyList<string>)l).ToList();

    private static List<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Reads one structure export (small files: held whole) as rows keyed by the trimmed header.</summary>
    private static async Task<List<Dictionary<string, string>>> ReadAsync(string folder, string name, bool required, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        var rows = new List<Dictionary<string, string>>();
        if (!File.Exists(path))
        {
            return required
                ? throw new ProductFlowException($"{name} is missing from {folder}") { Hint = "export channels and attributes from Akeneo (CSV) into this folder" }
                : rows;
        }

        var source = new FeedSource(path) { Delimiter = ';', RequiredColumns = name == "attribute_options.csv" ? ["attribute", "code"] : ["code"] };
        await foreach (var row in new CsvFeedReader().ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            if (row.Problem is { } problem)
            {
                throw new FeedReadException($"{name}: line {row.Line}: {problem.Message}", path, row.Line);
            }

            rows.Add(row.Header.Columns.Select((c, i) => (Key: c.Trim(), Value: row[i])).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        }

        return rows;
    }
}

/// <summary>The catalog built from an Akeneo export and what could not be carried over exactly.</summary>
public sealed record AkeneoImport(ProductCatalog Catalog, IReadOnlyList<string> Warnings);
