using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>One entry of the change feed: a product's latest state after a checkpoint, with the sequence number to resume from.</summary>
public sealed record ProductChange(long Sequence, ChangeKind Kind, ProductRecord Record);
