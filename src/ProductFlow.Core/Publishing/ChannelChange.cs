namespace ProductFlow.Publishing;

/// <summary>What a publish changes for one record of a channel, against its current version.</summary>
public sealed record ChannelChange(ChannelChangeKind Kind, string Sku, string? Model, IReadOnlyList<FieldChange> Fields);
