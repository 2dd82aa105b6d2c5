using ProductFlow.Catalog;
using ProductFlow.Primitives;

namespace ProductFlow.Pipelines;

/// <summary>Checks a declared enricher before anything runs: its properties, attributes, scope and template.</summary>
internal static class EnricherDefinitions
{
    public static void Check(EnrichOptions enricher, PipelineDefinition definition, ProductCatalog catalog, string path, Action<string, string> problem)
    {
        PipelineLoader.CheckScope(enricher.Channel, enricher.Locale, definition, catalog, path, problem);

        var needs = enricher.Kind switch
        {
            "default" => enricher.Attribute is null || enricher.Value is null ? "'attribute' and 'value'" : null,
            "normalize" => enricher.Attributes.Count == 0 ? "'attributes'" : null,
            "template" => enricher.Attribute is null || enricher.Template is null ? "'attribute' and 'template'" : null,
            "categoryMap" => enricher.Attribute is null || enricher.Map.Count == 0 ? "'attribute' and 'map'" : null,
            _ => "a known kind (default, normalize, template, categoryMap)",
        };
        if (needs is not null)
        {
            problem(path, $"a {enricher.Kind} enricher needs {needs}");
            return;
        }

        if (enricher.Attribute is { } attribute && catalog.FindAttribute(attribute) is null)
        {
            problem(path + ".attribute", $"unknown attribute '{attribute}'");
        }

        PipelineLoader.CheckAttributes(enricher.Attributes, path + ".attributes", catalog, problem);
        if (enricher.Kind == "categoryMap" && enricher.Channel is { } channel && catalog.FindChannel(channel)?.CategoryTree is { } tree)
        {
            foreach (var (category, target) in enricher.Map.Where(m => !catalog.IsInTree(m.Value, tree)))
            {
                problem($"{path}.map.{category}", $"'{target}' is not a category of channel {channel}'s tree '{tree}'");
            }
        }

        if (enricher.Template is { } template)
        {
            try
            {
                LiquidTemplate.Check(template);
            }
            catch (ArgumentException e)
            {
                problem(path + ".template", "is not a valid Liquid template: " + e.Message.ReplaceLineEndings(" "));
            }
        }
    }
}
