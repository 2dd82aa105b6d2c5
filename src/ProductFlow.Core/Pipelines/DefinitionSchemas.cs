using System.Reflection;

namespace ProductFlow.Pipelines;

/// <summary>The JSON Schemas of ProductFlow's own files, embedded from <c>schemas/</c> so they work from any folder.</summary>
public static class DefinitionSchemas
{
    private static readonly Lazy<JsonSchema.JsonSchema> PipelineSchema = new(() => Load("pipeline.schema.json"));
    private static readonly Lazy<JsonSchema.JsonSchema> CatalogSchema = new(() => Load("catalog.schema.json"));
    private static readonly Lazy<System.Text.Json.JsonDocument> PipelineDocument = new(() => System.Text.Json.JsonDocument.Parse(Text("pipeline.schema.json")));
    private static readonly Lazy<System.Text.Json.JsonDocument> CatalogDocument = new(() => System.Text.Json.JsonDocument.Parse(Text("catalog.schema.json")));
    private static readonly Lazy<JsonSchema.JsonSchema> ReportSchema = new(() => Load("report.schema.json"));

    public static JsonSchema.JsonSchema Pipeline => PipelineSchema.Value;

    public static JsonSchema.JsonSchema Catalog => CatalogSchema.Value;

    public static JsonSchema.JsonSchema Report => ReportSchema.Value;

    /// <summary>The JSON document of <paramref name="schema"/> (pipeline or catalog), for suggestions; null for another schema.</summary>
    public static System.Text.Json.JsonElement? DocumentOf(JsonSchema.JsonSchema schema) =>
        ReferenceEquals(schema, Pipeline) ? PipelineDocument.Value.RootElement : ReferenceEquals(schema, Catalog) ? CatalogDocument.Value.RootElement : null;

    private static string Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ProductFlow.Schemas." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonSchema.JsonSchema Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ProductFlow.Schemas." + name)
            ?? throw new InvalidOperationException($"The embedded schema {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return JsonSchema.JsonSchema.FromText(reader.ReadToEnd(), new Uri("https://productflow.dev/schemas/" + name));
    }
}
