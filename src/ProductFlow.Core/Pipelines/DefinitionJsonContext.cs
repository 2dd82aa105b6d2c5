using System.Text.Json.Serialization;
using ProductFlow.Catalog;

namespace ProductFlow.Pipelines;

/// <summary>Source-generated (de)serialisation of the definition files, so loading costs no reflection at start-up.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(PipelineDefinition))]
[JsonSerializable(typeof(ProductCatalog))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;
