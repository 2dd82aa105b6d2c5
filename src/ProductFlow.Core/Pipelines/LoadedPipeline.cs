using ProductFlow.Catalog;

namespace ProductFlow.Pipelines;

/// <summary>A pipeline definition with the catalog it refers to, both checked.</summary>
public sealed record LoadedPipeline(PipelineDefinition Definition, ProductCatalog Catalog);
