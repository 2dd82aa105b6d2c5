using ProductFlow.Connectors;
using ProductFlow.Model;

namespace ProductFlow.Mapping;

/// <summary>Turns source rows into canonical records: by a pipeline's column mapping, or by a format's own conventions (Akeneo).</summary>
public interface IRecordMapper
{
    /// <summary>The columns the mapper reads, which a feed must have.</summary>
    IReadOnlyCollection<string> RequiredColumns { get; }

    MappedRecord Map(SourceRow row);

    /// <summary>The columns of <paramref name="header"/> (their indexes) that <see cref="Identify"/> reads; <c>null</c> when the mapper cannot tell: every column.</summary>
    /// <remarks>A pass that only identifies rows (a feed's survey) gives it to the reader (<see cref="FeedSource.ColumnsRead"/>), which may then leave the other fields empty.</remarks>
    IReadOnlyCollection<int>? IdentityColumns(FeedHeader header) => null;

    /// <summary>What the record of <paramref name="row"/> is, without its values: what a feed's survey and its sorting read of every row.</summary>
    /// <remarks>The same as <see cref="Map"/>'s record says; a mapper that can tell it without mapping the whole row does so.</remarks>
    RowIdentity Identify(SourceRow row) => RowIdentity.Of(Map(row).Record);
}

/// <summary>A mapped row's SKU (a product model's code), its parent and whether it is a product model.</summary>
public readonly record struct RowIdentity(string Sku, string? Parent, bool IsModel)
{
    public static RowIdentity Of(ProductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RowIdentity(record.Sku, record.Parent, record.IsModel);
    }
}
