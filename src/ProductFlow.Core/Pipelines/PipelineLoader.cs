using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Primitives;
using ProductFlow.Primitives.Units;

namespace ProductFlow.Pipelines;

/// <summary>Loads a pipeline file and its catalog, and checks every reference between them.</summary>
/// <remarks>All problems are reported at once in one <see cref="PipelineDefinitionException"/>.</remarks>
public static class PipelineLoader
{
    private static readonly HashSet<string> KnownRules = typeof(RuleIds)
        .GetFields()
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public static LoadedPipeline Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PipelineDefinitionException(new DefinitionProblem(DefinitionFile.DisplayPath(path), "$", "the pipeline file does not exist"))
            {
                Hint = "give the path of a pipeline file, such as pipelines/demo.json",
            };
        }

        var definition = DefinitionFile.Read(path, DefinitionSchemas.Pipeline, DefinitionJsonContext.Default.PipelineDefinition);
        definition.FilePath = Path.GetFullPath(path);
        var display = DefinitionFile.DisplayPath(path);

        var catalogPath = definition.ResolvePath(definition.Catalog);
        if (!File.Exists(catalogPath))
        {
            throw new PipelineDefinitionException(new DefinitionProblem(display, "$.catalog", $"catalog file '{definition.Catalog}' does not exist"));
        }

        var catalog = CatalogLoader.Load(catalogPath);
        var problems = Check(definition, catalog, display);
        if (problems.Count > 0)
        {
            throw new PipelineDefinitionException(problems);
        }

        return new LoadedPipeline(definition, catalog);
    }

    private static List<DefinitionProblem> Check(PipelineDefinition definition, ProductCatalog catalog, string file)
    {
        var problems = new List<DefinitionProblem>();
        void Problem(string path, string message) => problems.Add(new DefinitionProblem(file, path, message));

        if (ReferenceEquals(definition.Mapping, MappingOptions.SkuOnly) && definition.Source.Format != "akeneo-csv")
        {
            Problem("$.mapping", $"a {definition.Source.Format} feed needs a mapping (only akeneo-csv feeds map their own columns)");
        }

        CheckNumbers(definition.Source.Culture, definition.Source.DecimalSeparator, definition.Source.ThousandsSeparator, "$.source", Problem);
        CheckRemote(definition.Source, Problem);
        MappingDefinitions.Check(definition.Mapping, Problem);
        for (var i = 0; i < definition.Mapping.Values.Count; i++)
        {
            var value = definition.Mapping.Values[i];
            CheckValueMapping(value, catalog, $"$.mapping.values[{i}]", Problem);
            CheckNumbers(value.Culture, value.DecimalSeparator, value.ThousandsSeparator, $"$.mapping.values[{i}]", Problem);
        }

        CheckAttributes(definition.Rules.Required, "$.rules.required", catalog, Problem);
        CheckAttributes(definition.Rules.Unique, "$.rules.unique", catalog, Problem);
        for (var i = 0; i < definition.Enrich.Count; i++)
        {
            EnricherDefinitions.Check(definition.Enrich[i], definition, catalog, $"$.enrich[{i}]", Problem);
        }

        for (var i = 0; i < definition.Rules.Checks.Count; i++)
        {
            CheckDefinitions.Check(definition.Rules.Checks[i], definition, catalog, $"$.rules.checks[{i}]", Problem);
        }

        CheckAttributes(definition.Rules.Gtin, "$.rules.gtin", catalog, Problem);
        foreach (var rule in definition.Rules.Severity.Keys.Where(rule => !KnownRules.Contains(rule)))
        {
            Problem($"$.rules.severity.{rule}", $"unknown rule id '{rule}'" + DidYouMean.Suffix(rule, KnownRules));
        }

        for (var i = 0; i < definition.Channels.Count; i++)
        {
            if (catalog.FindChannel(definition.Channels[i]) is null)
            {
                Problem($"$.channels[{i}]", $"unknown channel '{definition.Channels[i]}' (the catalog defines: {string.Join(", ", catalog.Channels.Select(c => c.Code))})");
            }
            else if (catalog.FindChannel(definition.Channels[i])!.CategoryTree is { } tree
                && !definition.Enrich.Any(e => e.Kind == "categoryMap" && e.Channel == definition.Channels[i]))
            {
                Problem($"$.channels[{i}]", $"channel '{definition.Channels[i]}' has the category tree '{tree}': add a categoryMap enricher with \"channel\": \"{definition.Channels[i]}\" that maps the feed's categories into it");
            }
        }

        if (definition.Schedule is { } schedule)
        {
            if (CronSchedule.TryParse(schedule, out var why) is null)
            {
                Problem("$.schedule", why!);
            }
            else if (definition.Publish != PublishMode.Scheduled)
            {
                Problem("$.schedule", "a schedule publishes a pipeline with \"publish\": \"scheduled\" only: set it, or schedule its channels in the catalog");
            }
        }

        return problems;
    }

    private static void CheckValueMapping(ColumnMapping mapping, ProductCatalog catalog, string path, Action<string, string> problem)
    {
        if (mapping.Attribute is null || catalog.FindAttribute(mapping.Attribute) is not { } attribute)
        {
            problem(path + ".attribute", $"unknown attribute '{mapping.Attribute}'" + DidYouMean.Suffix(mapping.Attribute ?? "", catalog.Attributes.Select(a => a.Code)));
            return;
        }

        if (mapping.Locale is { } locale)
        {
            if (!attribute.Localizable)
            {
                problem(path + ".locale", $"attribute '{attribute.Code}' is not localizable");
            }
            else if (!catalog.Locales.Contains(locale))
            {
                problem(path + ".locale", $"locale '{locale}' is not one of the catalog's locales");
            }
        }
        else if (attribute.Localizable)
        {
            problem(path, $"attribute '{attribute.Code}' is localizable: give a locale");
        }

        if (mapping.Channel is { } channel)
        {
            if (!attribute.Scopable)
            {
                problem(path + ".channel", $"attribute '{attribute.Code}' is not scopable");
            }
            else if (!catalog.IsScope(channel))
            {
                problem(path + ".channel", $"unknown channel '{channel}'");
            }
        }

        if (mapping.Unit is { } unit && (attribute.Type != AttributeType.Metric || UnitTable.Find(attribute.MetricFamily!, unit) is null))
        {
            problem(path + ".unit", attribute.Type == AttributeType.Metric ? $"'{unit}' is not a unit of {attribute.MetricFamily}" : $"attribute '{attribute.Code}' is not a metric");
        }

        if (attribute.Type == AttributeType.Price)
        {
            if (mapping.Currency is null)
            {
                problem(path, $"attribute '{attribute.Code}' is a price: give a currency");
            }
            else if (!catalog.Currencies.Contains(mapping.Currency))
            {
                problem(path + ".currency", $"currency '{mapping.Currency}' is not one of the catalog's currencies");
            }
        }
        else if (mapping.Currency is not null)
        {
            problem(path + ".currency", $"attribute '{attribute.Code}' is not a price");
        }
    }

    /// <summary>A remote <c>source.path</c> is a location ProductFlow reads: no password in it, and an SFTP file is no API.</summary>
    private static void CheckRemote(SourceOptions source, Action<string, string> problem)
    {
        if (source.Path is not { } path || !Connectors.Remote.RemoteLocation.IsRemote(path))
        {
            return;
        }

        if (Connectors.Remote.RemoteLocation.Problem(path) is { } why)
        {
            problem("$.source.path", why);
        }
        else if (source.Format == "http-json")
        {
            problem("$.source.path", "an http-json feed is an API: give its first page's URL as source.url");
        }
    }

    private static void CheckNumbers(string? culture, string? decimalSeparator, string? thousandsSeparator, string path, Action<string, string> problem)
    {
        try
        {
            NumberCulture.From(culture, decimalSeparator, thousandsSeparator);
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            problem(path + ".culture", $"unknown culture '{culture}' (use a name such as nb-NO, de-DE, en-US)");
        }
        catch (ArgumentException e)
        {
            problem(path, e.Message);
        }
    }

    /// <summary>A check's or enricher's scope: a channel this pipeline feeds, a locale of the catalog.</summary>
    internal static void CheckScope(string? channel, string? locale, PipelineDefinition definition, ProductCatalog catalog, string path, Action<string, string> problem)
    {
        if (channel is not null && !definition.Channels.Contains(channel))
        {
            problem(path + ".channel", $"channel '{channel}' is not one of the channels this pipeline feeds");
        }

        if (locale is not null && !catalog.Locales.Contains(locale))
        {
            problem(path + ".locale", $"locale '{locale}' is not one of the catalog's locales");
        }
    }

    internal static void CheckAttributes(IReadOnlyList<string> codes, string path, ProductCatalog catalog, Action<string, string> problem)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (catalog.FindAttribute(codes[i]) is null)
            {
                problem($"{path}[{i}]", $"unknown attribute '{codes[i]}'" + DidYouMean.Suffix(codes[i], catalog.Attributes.Select(a => a.Code)));
            }
        }
    }
}
