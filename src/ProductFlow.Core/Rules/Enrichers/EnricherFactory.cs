using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Compiles a pipeline's enrichers into rules, once per run.</summary>
internal static class EnricherFactory
{
    public static IRule Create(EnrichOptions options) => options.Kind switch
    {
        "default" => new DefaultEnricher(options),
        "normalize" => new NormalizeEnricher(options),
        "template" => new TemplateEnricher(options),
        "categoryMap" => new CategoryMapEnricher(options),
        _ => throw new ArgumentException($"unknown enricher kind '{options.Kind}'", nameof(options)),
    };
}
