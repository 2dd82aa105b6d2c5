namespace ProductFlow.Catalog;

/// <summary>One column of a CSV channel: its header and the channel-view field it shows.</summary>
public sealed class ChannelColumn
{
    public required string Header { get; init; }

    /// <summary>A field of the channel view: <c>sku</c>, <c>parent</c>, <c>family</c>, <c>categories</c>, <c>enabled</c> or an attribute code.</summary>
    public required string Value { get; init; }
}
