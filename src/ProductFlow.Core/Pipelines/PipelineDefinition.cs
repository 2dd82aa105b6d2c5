using System.Text.Json.Serialization;
using ProductFlow.Catalog;

namespace ProductFlow.Pipelines;

/// <summary>A pipeline file: one feed, its mapping and rules, and the channels it feeds.</summary>
/// <remarks>Read by <see cref="PipelineLoader"/>, which validates it against <c>schemas/pipeline.schema.json</c> first.</remarks>
public sealed class PipelineDefinition
{
    public required string Name { get; init; }

    /// <summary>The catalog file, relative to the pipeline file.</summary>
    public required string Catalog { get; init; }

    public required SourceOptions Source { get; init; }

    /// <summary>The column mapping. Only an <c>akeneo-csv</c> feed may leave it out: its columns name their attributes and scopes.</summary>
    public MappingOptions Mapping { get; set; } = MappingOptions.SkuOnly;

    public RulesOptions Rules { get; set; } = new();

    /// <summary>Enrichers, applied in order after type checks and before the other rules.</summary>
    public IReadOnlyList<EnrichOptions> Enrich { get; set; } = [];

    /// <summary>Who supplies the feed: after a run with rejections, they get one email with the summary and <c>rejected.csv</c> (when SMTP is configured).</summary>
    public SupplierContact? Supplier { get; set; }

    /// <summary>The channel codes (of the catalog) this feed publishes to.</summary>
    public IReadOnlyList<string> Channels { get; set; } = [];

    public PublishMode Publish { get; set; } = PublishMode.OnRun;

    /// <summary>When a pipeline with <c>"publish": "scheduled"</c> publishes its channels in service mode; none by default.</summary>
    public ScheduleOptions? Schedule { get; set; }

    /// <summary><c>partial</c> (default) or <c>full</c>: a full feed removes the pipeline's SKUs it no longer carries.</summary>
    public FeedMode Mode { get; set; } = FeedMode.Partial;

    /// <summary>The share of a source's SKUs a full run may remove before the mass-delete guard stops it (default 0.1).</summary>
    public double MaxRemovedShare { get; set; } = 0.1;

    /// <summary>The pipeline file it was read from (absolute).</summary>
    [JsonIgnore]
    public string FilePath { get; set; } = "";

    /// <summary>Resolves a path written in the pipeline file against the file's folder.</summary>
    public string ResolvePath(string path) =>
        System.IO.Path.GetFullPath(path, System.IO.Path.GetDirectoryName(FilePath) ?? ".");
}
