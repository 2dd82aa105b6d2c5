namespace ProductFlow.Store;

/// <summary>How a session commits: a partial feed (default), or a full feed that removes its source's missing SKUs, with a guard.</summary>
public sealed record SessionOptions
{
    public static readonly SessionOptions Partial = new();

    /// <summary>The feed is the whole assortment of the run's pipeline: its SKUs not upserted or quarantined in the session are marked removed.</summary>
    public bool Full { get; init; }

    /// <summary>In a full session, the largest share of the source's SKUs that may be removed; null: no limit.</summary>
    public double? MaxRemovedShare { get; init; } = 0.1;

    /// <summary>Which source wins an attribute when the product has values of several sources (the catalog's <c>sources</c>); default: the latest run.</summary>
    public Catalog.SourcesDefinition Sources { get; init; } = Catalog.SourcesDefinition.None;

    /// <summary>Checks the record a merge of sources gives, for the run's channels; <c>null</c> (default): a merged record keeps the verdict of the run's own half.</summary>
    public IMergedRecordCheck? MergeCheck { get; init; }

    /// <summary>
    /// What decides a merge of sources besides the records: a fingerprint of the run's <see cref="Sources"/> and <see cref="MergeCheck"/>
    /// (the runner's is its pipeline's and catalog's definitions, <c>Running.MergeKeys</c>). With one, a product that several sources carry,
    /// last written by this run's source from the same record under the same key, is known to be merged already and is not merged again.
    /// <c>null</c> (default): such a product is read and merged on every run.
    /// </summary>
    public string? MergeKey { get; init; }
}
