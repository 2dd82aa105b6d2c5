using ProductFlow.Collections;
using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Primitives;

namespace ProductFlow.Ordering;

/// <summary>What a first, quick pass over a feed found: whether its model rows come in an order the rules can take as it streams, and what it holds.</summary>
/// <remarks>
/// A feed is <see cref="Grouped"/> when the rows of each parent come together, every product model comes before the rows that name it,
/// sub-models after their root, and (a feed of models and products both) every model before any variant. A run reads a grouped feed as
/// it streams; any other it orders first (<see cref="RowSorter"/>), so that both give the same result.
/// </remarks>
public sealed record FeedSurvey(bool Grouped, bool HasProducts, bool HasModels)
{
    /// <summary>What a run assumes of a feed it cannot read twice (an HTTP API): it may hold anything, in any order.</summary>
    public static readonly FeedSurvey Unknown = new(false, true, true);

    /// <summary>What a feed mapped without parents holds: products, none of them in a model, so in any order it is grouped.</summary>
    public static readonly FeedSurvey ProductsOnly = new(true, true, false);

    /// <summary>Reads <paramref name="source"/> once, identifying each row (<see cref="IRecordMapper.Identify"/>), and stops as soon as the answer is known.</summary>
    /// <remarks>
    /// Only the columns the mapper identifies rows by are read (<see cref="IRecordMapper.IdentityColumns"/>, all of them when it cannot
    /// tell); the reader's checks are those of a full read. A feed that cannot be read to its end is surveyed up to where it breaks: the
    /// run's own pass then fails at the same place.
    /// </remarks>
    public static async Task<FeedSurvey> ScanAsync(IFeedReader reader, FeedSource source, IRecordMapper mapper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(mapper);
        var finishedParents = new KeySet();
        var models = new KeySet();
        ulong? parent = null;
        bool grouped = true, products = false, hasModels = false, variants = false;
        try
        {
            await foreach (var row in reader.ReadAsync(source with { Progress = null, HeaderRead = null, ColumnsRead = mapper.IdentityColumns }, cancellationToken).ConfigureAwait(false))
            {
                if (row.Problem is not null)
                {
                    continue;
                }

                var record = mapper.Identify(row);
                row.Release(); // the survey keeps nothing of a row: the reader reads the next one into its array
                var named = string.IsNullOrWhiteSpace(record.Parent) ? (ulong?)null : KeyHash.Of(record.Parent);
                if (record.IsModel)
                {
                    hasModels = true;
                    grouped &= !variants && (named is not { } root || models.Contains(root)) && (record.Sku.Length == 0 || !finishedParents.Contains(KeyHash.Of(record.Sku)));
                    if (record.Sku.Length > 0)
                    {
                        models.Add(KeyHash.Of(record.Sku));
                    }

                    continue;
                }

                products = true;
                if (named is { } code && code != parent)
                {
                    variants = true;
                    if (parent is { } previous)
                    {
                        finishedParents.Add(previous);
                    }

                    grouped &= !finishedParents.Contains(code);
                    parent = code;
                }

                if (!grouped && products)
                {
                    break; // the answer is known: the run orders the feed, and it holds products
                }
            }
        }
        catch (FeedReadException)
        {
            // The run's own pass meets the same failure and reports it where it happens.
            products = true;
        }

        return new FeedSurvey(grouped, products, hasModels);
    }
}
