namespace ProductFlow.Channels;

/// <summary>The unit a channel's delta is made of.</summary>
public enum ChannelGrouping
{
    /// <summary>One row per record: a delta carries the changed records only.</summary>
    Record,

    /// <summary>One document (or block of rows) per product model: a delta carries every changed model whole.</summary>
    Model,
}
