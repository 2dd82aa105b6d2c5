using ProductFlow.Catalog;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Compiles a pipeline's enrichers into rules, once per run.</summary>
internal static class EnricherFactory
{
    public static IRule Create(EnrichOptions options, ProductCatalog catalog) => options.Kind switch
    {
        "default" => new DefaultEnricher(options),
        "normalize" => new NormalizeEnricher(options),
        "template" => new TemplateEnricher(options),
        "categoryMap" => new CategoryMapEnricher(options, options.Channel is { } channel ? catalog.FindChannel(channel)?.CategoryTree : null),
        _ => throw new ArgumentException($"unknown enricher kind '{options.Kind}'", nameof(options)),
    };
}
