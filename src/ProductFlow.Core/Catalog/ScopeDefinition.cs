namespace ProductFlow.Catalog;

/// <summary>A value scope: a channel code that values may be scoped to (<c>name-en_US-ecommerce</c>) without being a publication channel.</summary>
/// <remarks>Akeneo's channels become scopes on import; a publication channel (<see cref="ChannelDefinition"/>) is a scope too.</remarks>
public sealed class ScopeDefinition
{
    public required string Code { get; init; }

    public IReadOnlyList<string> Locales { get; set; } = [];

    public IReadOnlyList<string> Currencies { get; set; } = [];

    /// <summary>The root category of the scope's tree, if any.</summary>
    public string? CategoryTree { get; init; }
}
