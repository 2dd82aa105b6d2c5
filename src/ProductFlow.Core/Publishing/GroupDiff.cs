using ProductFlow.Model;

namespace ProductFlow.Publishing;

/// <summary>One group (product model) of a channel: its records now, each with its published fields, and what changed since the current version.</summary>
public sealed class GroupDiff
{
    public GroupDiff(string group, List<(ProductRecord Record, SnapshotRow Row)> current, List<ChannelChange> changes)
    {
        Group = group;
        Current = current;
        Changes = changes;
    }

    public string Group { get; }

    /// <summary>The group's records now, in SKU order; empty when the whole group left the channel.</summary>
    public List<(ProductRecord Record, SnapshotRow Row)> Current { get; }

    public List<ChannelChange> Changes { get; }
}
