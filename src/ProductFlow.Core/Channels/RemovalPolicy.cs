namespace ProductFlow.Channels;

/// <summary>How a channel's output says that products left it.</summary>
public enum RemovalPolicy
{
    /// <summary>A delta carries a tombstone for each product (or model) that left.</summary>
    Tombstone,

    /// <summary>A delta marks what left as archived (the target's import cannot delete), e.g. Shopify's <c>Status=archived</c>.</summary>
    Archive,

    /// <summary>The channel only takes full files (the target replaces its whole data source): a delta is published as a full export.</summary>
    FullOnly,
}
