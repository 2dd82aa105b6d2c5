namespace ProductFlow.Store;

/// <summary>What an upsert did.</summary>
public enum UpsertOutcome
{
    /// <summary>A new SKU: version 1.</summary>
    Created,

    /// <summary>The content changed: a new version.</summary>
    Updated,

    /// <summary>Same content hash: no new version.</summary>
    Unchanged,
}
