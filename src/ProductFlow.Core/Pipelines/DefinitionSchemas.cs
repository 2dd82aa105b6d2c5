using System.Reflection;

namespace ProductFlow.Pipelines;

/// <summary>The JSON Schemas of ProductFlow's own files, embedded from <c>schemas/</c> so they work from any folder.</summary>
public static class DefinitionSchemas
{
    private static readonly Lazy<JsonSchema.JsonSchema> PipelineSchema = new(() => Load("pipeline.schema.json"));
    private static readonly Lazy<JsonSchema.JsonSchema> CatalogSchema = new(() => Load("catalog.schema.json"));
    private static readonly Lazy<JsonSchema.JsonSchema> ReportSchema = new(() => Load("report.schema.json"));

    public static JsonSchema.JsonSchema Pipeline => PipelineSchema.Value;

    public static JsonSchema.JsonSchema Catalog => CatalogSchema.Value;

    public static JsonSchema.JsonSchema Report => ReportSchema.Value;

    private static JsonSchema.JsonSchema Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ProductFlow.Schemas." + name)
            ?? throw new InvalidOperationException($"The embedded schema {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return JsonSchema.JsonSchema.FromText(reader.ReadToEnd(), new Uri("https://productflow.dev/schemas/" + name));
    }
}
