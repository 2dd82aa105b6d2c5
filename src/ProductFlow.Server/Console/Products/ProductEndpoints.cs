using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Layout;
using ProductFlow.Steward;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Products;

/// <summary><c>/console/products?q=</c> (SKUs by prefix: stored products and rejected rows) and <c>/console/product?sku=</c>: what
/// <c>productflow explain</c> and <c>history</c> say of a SKU, from the same <see cref="Explanation"/>.</summary>
internal static class ProductEndpoints
{
    private const int Limit = 50;

    public static RouteGroupBuilder MapProductPages(this RouteGroupBuilder console)
    {
        console.MapGet("/products", SearchAsync);
        console.MapGet("/product", ShowAsync);
        return console;
    }

    private static async Task<IResult> SearchAsync(StoreProvider stores, string? q, CancellationToken cancellationToken)
    {
        var prefix = q?.Trim() ?? "";
        var skus = new List<string>();
        if (prefix.Length > 0)
        {
            var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                await foreach (var sku in store.FindSkusAsync(prefix, Limit + 1, cancellationToken).ConfigureAwait(false))
                {
                    skus.Add(sku);
                }
            }

            // A SKU typed in full goes straight to its page.
            if (skus is [var only] && string.Equals(only, prefix, StringComparison.Ordinal))
            {
                return TypedResults.Redirect(ConsolePaths.Product(only));
            }
        }

        return new RazorComponentResult<ProductSearchPage>(new { Query = prefix, Skus = skus.Take(Limit).ToList(), More = skus.Count > Limit });
    }

    private static async Task<IResult> ShowAsync(string? sku, StoreProvider stores, ServicePipelines pipelines, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sku))
        {
            return TypedResults.Redirect(ConsolePaths.Products);
        }

        StoredProduct? product;
        QuarantinedRow? quarantined;
        var history = new List<(StoredVersion Version, IReadOnlyList<ValueChange> Changes)>();
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            product = await store.FindProductAsync(sku, cancellationToken).ConfigureAwait(false);
            quarantined = await QuarantinedRow.FindAsync(store, sku, cancellationToken).ConfigureAwait(false);
            StoredVersion? previous = null;
            await foreach (var version in store.ReadHistoryAsync(sku, cancellationToken).ConfigureAwait(false))
            {
                history.Add((version, VersionDiff.Changes(previous, version)));
                previous = version;
            }
        }

        if (product is null && quarantined is null)
        {
            return ConsoleResults.NotFound($"SKU '{sku}' is not in the store, and no open quarantine entry has it (SKUs are case-sensitive).");
        }

        history.Reverse();
        var explanation = Explanation.Of(product, quarantined, pipelines.Catalog(), null, null);
        return new RazorComponentResult<ProductPage>(new { Sku = sku, Explanation = explanation, History = history });
    }
}
