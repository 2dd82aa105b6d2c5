namespace ProductFlow.Store;

/// <summary>What a channel must do with a product of the change feed.</summary>
public enum ChangeKind
{
    /// <summary>Created or changed, and enabled: publish it.</summary>
    Changed,

    /// <summary>Disabled: take it off the channel.</summary>
    Disabled,

    /// <summary>Removed by a full feed (tombstone): take it off the channel.</summary>
    Removed,
}
