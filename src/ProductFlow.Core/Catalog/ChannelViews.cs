namespace ProductFlow.Catalog;

/// <summary>One <see cref="ChannelView"/> per channel of a catalog, shared by the rules of a run, so a record is resolved once per channel.</summary>
/// <remarks>Views keep buffers: a set of views serves one thread at a time (the rules of one <c>RuleSet</c>).</remarks>
public sealed class ChannelViews(ProductCatalog catalog)
{
    private readonly Dictionary<ChannelDefinition, ChannelView> _views = new(ReferenceEqualityComparer.Instance);

    public ProductCatalog Catalog { get; } = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>The view of <paramref name="channel"/>, made on first use.</summary>
    public ChannelView For(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!_views.TryGetValue(channel, out var view))
        {
            _views[channel] = view = new ChannelView(channel, Catalog);
        }

        return view;
    }
}
