namespace ProductFlow.Publishing;

/// <summary>Whether a record is new on a channel, changed on it, or leaves it.</summary>
public enum ChannelChangeKind
{
    Added,
    Changed,
    Removed,
}
