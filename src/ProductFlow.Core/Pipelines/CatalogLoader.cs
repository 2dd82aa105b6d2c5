using ProductFlow.Catalog;
using ProductFlow.Expressions;
using ProductFlow.Primitives;
using ProductFlow.Primitives.Units;

namespace ProductFlow.Pipelines;

/// <summary>Loads a catalog file, validates it against <c>schemas/catalog.schema.json</c> and checks its references.</summary>
public static class CatalogLoader
{
    /// <summary>The fields every channel view has besides the attributes.</summary>
    public static readonly IReadOnlySet<string> RecordFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "sku", "parent", "family", "categories", "enabled", "groups", "associations",
    };

    public static ProductCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var catalog = DefinitionFile.Read(path, DefinitionSchemas.Catalog, DefinitionJsonContext.Default.ProductCatalog);
        catalog.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var problems = Check(catalog, DefinitionFile.DisplayPath(path));
        if (problems.Count > 0)
        {
            throw new PipelineDefinitionException(problems);
        }

        return catalog;
    }

    private static List<DefinitionProblem> Check(ProductCatalog catalog, string file)
    {
        var problems = new List<DefinitionProblem>();
        void Problem(string path, string message) => problems.Add(new DefinitionProblem(file, path, message));

        CheckUnique(catalog.Attributes.Select(a => a.Code), "$.attributes", Problem);
        CheckUnique(catalog.Families.Select(f => f.Code), "$.families", Problem);
        CheckUnique(catalog.Channels.Select(c => c.Code), "$.channels", Problem);
        CheckUnique(catalog.Categories.Select(c => c.Code), "$.categories", Problem);
        for (var i = 0; i < catalog.Categories.Count; i++)
        {
            if (catalog.Categories[i].Parent is { } parent && catalog.FindCategory(parent) is null)
            {
                Problem($"$.categories[{i}].parent", $"unknown category '{parent}'");
            }
        }

        for (var i = 0; i < catalog.Attributes.Count; i++)
        {
            var attribute = catalog.Attributes[i];
            if (attribute.Type == AttributeType.Metric
                && (attribute.MetricFamily is not { } family || !UnitTable.IsFamily(family) || attribute.Unit is null || UnitTable.Find(family, attribute.Unit) is null))
            {
                Problem($"$.attributes[{i}]", $"metric attribute '{attribute.Code}' needs a metricFamily (mass, length, volume, temperature) and a unit of it");
            }

            if (attribute.Type is AttributeType.Select or AttributeType.MultiSelect && attribute.Options.Count == 0)
            {
                Problem($"$.attributes[{i}].options", $"attribute '{attribute.Code}' is a {attribute.Type} and needs options");
            }

            CheckOptionLabels(catalog, attribute, $"$.attributes[{i}].options", Problem);
        }

        for (var i = 0; i < catalog.Families.Count; i++)
        {
            var family = catalog.Families[i];
            foreach (var code in family.Attributes.Where(code => catalog.FindAttribute(code) is null))
            {
                Problem($"$.families[{i}].attributes", $"unknown attribute '{code}'");
            }

            foreach (var (channel, required) in family.Requirements)
            {
                if (!catalog.IsScope(channel))
                {
                    Problem($"$.families[{i}].requirements.{channel}", $"unknown channel '{channel}'");
                }

                foreach (var code in required.Where(code => !family.Attributes.Contains(code)))
                {
                    Problem($"$.families[{i}].requirements.{channel}", $"attribute '{code}' is not an attribute of family '{family.Code}'");
                }
            }
        }

        CheckUnique(catalog.FamilyVariants.Select(v => v.Code), "$.familyVariants", Problem);
        for (var i = 0; i < catalog.FamilyVariants.Count; i++)
        {
            CheckFamilyVariant(catalog, catalog.FamilyVariants[i], $"$.familyVariants[{i}]", Problem);
        }

        for (var i = 0; i < catalog.Channels.Count; i++)
        {
            CheckChannel(catalog, catalog.Channels[i], $"$.channels[{i}]", Problem);
            if (catalog.Channels[i].Schedule is { } schedule && CronSchedule.TryParse(schedule, out var why) is null)
            {
                Problem($"$.channels[{i}].schedule", why!);
            }
        }

        foreach (var attribute in catalog.Sources.Precedence.Keys.Where(a => a != SourcesDefinition.Others && catalog.FindAttribute(a) is null))
        {
            Problem($"$.sources.precedence.{attribute}", $"unknown attribute '{attribute}' (use '{SourcesDefinition.Others}' for every attribute without its own list)");
        }

        return problems;
    }

    /// <summary>Every label reads as one option only (labels are matched case-insensitively on input), in a locale of the catalog.</summary>
    private static void CheckOptionLabels(ProductCatalog catalog, AttributeDefinition attribute, string path, Action<string, string> problem)
    {
        var meaning = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in attribute.Options)
        {
            meaning.TryAdd(option.Code, option.Code);
        }

        for (var o = 0; o < attribute.Options.Count; o++)
        {
            foreach (var (locale, label) in attribute.Options[o].Labels)
            {
                if (!catalog.Locales.Contains(locale))
                {
                    problem($"{path}[{o}].labels.{locale}", $"locale '{locale}' is not one of the catalog's locales");
                }

                if (!meaning.TryAdd(label.Trim(), attribute.Options[o].Code) && meaning[label.Trim()] != attribute.Options[o].Code)
                {
                    problem($"{path}[{o}].labels.{locale}", $"label '{label}' of option '{attribute.Options[o].Code}' also names option '{meaning[label.Trim()]}'");
                }
            }
        }
    }

    private static void CheckFamilyVariant(ProductCatalog catalog, FamilyVariantDefinition variant, string path, Action<string, string> problem)
    {
        if (catalog.FindFamily(variant.Family) is not { } family)
        {
            problem(path + ".family", $"unknown family '{variant.Family}'");
            return;
        }

        if (!variant.Axes.Any())
        {
            problem(path + ".levels", "a family variant needs at least one axis");
        }

        foreach (var code in variant.VariantAttributes.Where(code => !family.Attributes.Contains(code)))
        {
            problem(path + ".levels", $"attribute '{code}' is not an attribute of family '{family.Code}'");
        }

        foreach (var twice in variant.VariantAttributes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problem(path + ".levels", $"attribute '{twice.Key}' is at more than one level");
        }
    }

    private static void CheckChannel(ProductCatalog catalog, ChannelDefinition channel, string path, Action<string, string> problem)
    {
        if (!catalog.Locales.Contains(channel.Locale))
        {
            problem(path + ".locale", $"locale '{channel.Locale}' is not one of the catalog's locales");
        }

        if (channel.Currency is { } currency && !catalog.Currencies.Contains(currency))
        {
            problem(path + ".currency", $"currency '{currency}' is not one of the catalog's currencies");
        }

        for (var c = 0; c < channel.Columns.Count; c++)
        {
            var value = channel.Columns[c].Value;
            if (!IsField(catalog, value))
            {
                problem($"{path}.columns[{c}].value", $"unknown field '{value}'");
            }
        }

        if (channel.Filter is { } filter)
        {
            try
            {
                channel.CompiledFilter = RuleExpression.Parse(filter);
                foreach (var field in channel.CompiledFilter.Fields.Where(f => !IsField(catalog, f)))
                {
                    problem(path + ".filter", $"unknown field '{field}'");
                }
            }
            catch (ExpressionException e)
            {
                problem(path + ".filter", e.Message);
            }
        }

        if (channel.DateFormat is { } format && !DateFormats.IsDateFormat(format))
        {
            problem(path + ".dateFormat", $"'{format}' is not a date format (use e.g. dd.MM.yyyy)");
        }

        if (channel.CategoryTree is { } tree && catalog.FindCategory(tree) is not { Parent: null })
        {
            problem(path + ".categoryTree", $"'{tree}' is not the root of a category tree of the catalog (a category without a parent)");
        }

        var maps = new[] { ("web", channel.Web?.Attributes), ("shopify", channel.Shopify?.Attributes), ("google", channel.Google?.Attributes) };
        foreach (var (kind, map) in maps)
        {
            foreach (var (field, source) in map ?? new Dictionary<string, string>())
            {
                if (source.Length > 0 && !IsField(catalog, source))
                {
                    problem($"{path}.{kind}.attributes.{field}", $"unknown field '{source}'");
                }
            }
        }

        if (channel.Google?.Link is { } link)
        {
            try
            {
                LiquidTemplate.Check(link);
                foreach (var variable in LiquidTemplate.Variables(link).Where(v => !IsField(catalog, v)))
                {
                    problem(path + ".google.link", $"unknown field '{variable}'");
                }
            }
            catch (ArgumentException e)
            {
                problem(path + ".google.link", "is not a valid Liquid template: " + e.Message);
            }
        }

        if (channel.Schema is { } schema)
        {
            var file = Path.Combine(catalog.BaseDirectory, schema);
            if (!File.Exists(file))
            {
                problem(path + ".schema", $"schema file '{schema}' does not exist");
                return;
            }

            try
            {
                channel.CompiledSchema = JsonSchema.JsonSchema.FromFile(file, new JsonSchema.SchemaOptions { AssertFormat = true });
                channel.FlatSchema = channel.CompiledSchema.ToFlatObject();
            }
            catch (JsonSchema.SchemaLoadException e)
            {
                problem(path + ".schema", $"schema '{schema}' cannot be loaded: {e.Message}");
            }
        }
    }

    private static bool IsField(ProductCatalog catalog, string code) => RecordFields.Contains(code) || catalog.FindAttribute(code) is not null;

    private static void CheckUnique(IEnumerable<string> codes, string path, Action<string, string> problem)
    {
        foreach (var duplicate in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problem(path, $"code '{duplicate.Key}' is defined more than once");
        }
    }
}
