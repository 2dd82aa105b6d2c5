using ProductFlow.Catalog;
using ProductFlow.Collections;
using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;
using ProductFlow.Reports;
using ProductFlow.Rules;
using ProductFlow.Rules.Enrichers;
using ProductFlow.Store;

namespace ProductFlow.Running;

/// <summary>After a run that changed product models: their stored variants inherit again from the models as they are now, and are checked again for the run's channels.</summary>
/// <remarks>
/// <para>A variant is stored with the values it inherited (so every channel, rule and export sees them); when a later run changes its
/// model (Akeneo exports a changed model without its variants), the variant is refreshed in that run: its inherited values (lineage
/// rule <c>inherit</c>) give way to those of its models now, its channel verdict and completeness are taken again, and a content
/// change makes a version in the run's commit. The variants of a changed root model's sub-models are refreshed too.</para>
/// <para>Not refreshed: the products the run itself read (its rules took them with the models of the run), and anything in a full run
/// that carries products (a variant it does not carry is removed, not refreshed). Each SKU the run read is kept as a 64-bit hash,
/// and only when its feed holds product models.</para>
/// </remarks>
internal sealed class ModelRefresh(ProductCatalog catalog, IReadOnlyList<ChannelDefinition> channels, ModelResolver models)
{
    private static readonly FeedHeader NoColumns = new([], ',');

    private readonly KeySet _read = new();

    /// <summary>A product the run read (stored or rejected): it is not refreshed.</summary>
    public void Read(ProductRecord product)
    {
        ArgumentNullException.ThrowIfNull(product);
        _read.Add(KeyHash.Of(product.Sku));
    }

    /// <summary>Refreshes the stored variants of the models the run changed through <paramref name="session"/>; returns how many it upserted.</summary>
    public async Task<long> RefreshAsync(IProductStore store, IStoreSession session, RuleSet rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rules);
        var changed = models.Changed;
        if (changed.Count == 0)
        {
            return 0;
        }

        var parents = new HashSet<string>(changed, StringComparer.Ordinal);
        await foreach (var model in store.ReadModelsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (model.Parent is { } root && changed.Contains(root))
            {
                parents.Add(model.Sku);
            }
        }

        var completeness = new CompletenessTracker(catalog, channels); // its totals are not the run's: the report counts what the run read
        var codes = channels.Select(c => c.Code).ToList();
        long refreshed = 0;
        await foreach (var stored in store.ReadVariantsAsync(parents, cancellationToken).ConfigureAwait(false))
        {
            var record = ModelResolver.WithOrigins(stored);
            if (_read.Contains(KeyHash.Of(record.Sku)))
            {
                continue;
            }

            var mapped = new MappedRecord(new SourceRow(record.Feed ?? "", record.Line, NoColumns, []), record);
            await models.ResolveAsync(mapped, cancellationToken).ConfigureAwait(false);
            if (mapped.Models is not { } chain)
            {
                continue; // its model is gone from the chain: the variant stays as it is
            }

            record.Values.RemoveAll(cell => cell.OriginRule == InheritModelValues.Rule);

            InheritModelValues.Inherit(record, chain);
            rules.CheckChannels(mapped);
            record.Notes = new ProductNotes(codes, mapped.Issues) { Completeness = completeness.Add(record) };
            await session.UpsertAsync(record, mapped.BlockedChannels, cancellationToken).ConfigureAwait(false);
            refreshed++;
        }

        return refreshed;
    }
}
