using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Pipelines;

/// <summary>The pipeline file reference (docs/pipelines.md, "Properties") keeps up with schemas/pipeline.schema.json.</summary>
public partial class PipelineReferenceTests
{
    [Test]
    public void Every_property_of_the_pipeline_schema_is_in_the_pipelines_reference()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(TestPaths.InRepository("schemas", "pipeline.schema.json")));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(schema.RootElement, names);
        names.Remove("$schema");

        var reference = File.ReadAllText(TestPaths.InRepository("docs", "pipelines.md")).ReplaceLineEndings("\n");
        var start = reference.IndexOf("\n## Properties\n", StringComparison.Ordinal);
        Assert.That(start, Is.Not.Negative, "docs/pipelines.md has no \"## Properties\" section");
        var end = reference.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? reference[start..] : reference[start..end];
        var documented = CodeToken().Matches(section).Select(m => m.Groups[1].Value).ToList();

        // A property is documented when its name is a segment of a documented path (`source.http.paging` documents source, http and paging).
        var segments = documented.SelectMany(token => token.Replace("[]", "", StringComparison.Ordinal).Split('.')).ToHashSet(StringComparer.Ordinal);
        var missing = names.Where(name => !segments.Contains(name)).ToList();
        Assert.That(missing, Is.Empty, "properties of pipeline.schema.json missing from the \"Properties\" table of docs/pipelines.md");
    }

    private static void Collect(JsonElement element, SortedSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in property.Value.EnumerateObject())
                        {
                            names.Add(name.Name);
                        }
                    }

                    Collect(property.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names);
                }

                break;
        }
    }

    [GeneratedRegex(@"`([A-Za-z0-9_.\[\]$…]+)`")]
    private static partial Regex CodeToken();
}
