namespace ProductFlow.Catalog;

/// <summary>One column of a CSV channel: its header and the channel-view field it shows.</summary>
public sealed class ChannelColumn
{
    public required string Header { get; init; }

    /// <summary>A field of the channel view: <c>sku</c>, <c>parent</c>, <c>family</c>, <c>categories</c>, <c>enabled</c> or an attribute code.</summary>
    public required string Value { get; init; }

    /// <summary>For numbers: exactly this many decimals (<c>499</c> -> <c>499.00</c>), rounded half away from zero; default as stored.</summary>
    public int? Decimals { get; init; }

    /// <summary>For prices: <c>suffix</c> writes the currency after the number (<c>499,00 NOK</c>); <c>none</c> (default) the number alone.</summary>
    public string Currency { get; init; } = "none";

    /// <summary>For selects: <c>label</c> writes each option's label in the channel's locale (its code where it has none); <c>code</c> (default) the code.</summary>
    public string Options { get; init; } = "code";
}
