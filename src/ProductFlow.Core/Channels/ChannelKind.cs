namespace ProductFlow.Channels;

/// <summary>What the publisher needs to know of a channel kind: how its deltas are cut and how removals are said.</summary>
public sealed record ChannelKind(string Name, ChannelGrouping Grouping, RemovalPolicy Removals);
