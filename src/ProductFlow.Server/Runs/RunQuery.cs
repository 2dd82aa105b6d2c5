using ProductFlow.Store;

namespace ProductFlow.Server.Runs;

/// <summary>A page of runs, newest first, filtered by pipeline, status and start, as the runs API and the console's runs page list them.</summary>
/// <param name="Pipeline">Only this pipeline's runs; null for every pipeline the caller may see.</param>
/// <param name="Status">Only runs in this state.</param>
/// <param name="Since">Only runs started at or after this time.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Runs per page.</param>
internal sealed record RunQuery(string? Pipeline, RunStatus? Status, DateTimeOffset? Since, int Page, int PageSize)
{
    /// <summary>The page's runs among those <paramref name="visible"/> lets the caller see, and whether a later page has more.</summary>
    /// <remarks>Streams the store's runs and stops one past the page: older pages cost a longer read, never memory.</remarks>
    public async Task<(List<RunRecord> Runs, bool More)> ReadAsync(IProductStore store, Func<RunRecord, bool> visible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(visible);
        var selected = new List<RunRecord>(PageSize);
        var skip = (Page - 1) * PageSize;
        await foreach (var run in store.ReadRunsAsync(cancellationToken).ConfigureAwait(false))
        {
            if ((Pipeline is not null && run.Pipeline != Pipeline) || (Status is not null && run.Status != Status) || (Since is not null && run.Started < Since) || !visible(run))
            {
                continue;
            }

            if (skip-- > 0)
            {
                continue;
            }

            if (selected.Count == PageSize)
            {
                return (selected, true);
            }

            selected.Add(run);
        }

        return (selected, false);
    }
}
