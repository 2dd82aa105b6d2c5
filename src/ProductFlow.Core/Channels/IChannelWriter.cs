using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Channels;

/// <summary>Writes a channel's data file, one record at a time, in stable order.</summary>
/// <remarks>
/// Records given to a writer already passed the channel's rules. They arrive grouped by product model: the
/// records of one model (<see cref="ProductRecord.Parent"/>) one after another, ordered by model then SKU;
/// a record without a model is a group of its own. A writer never writes run ids or timestamps: the same
/// records give the same bytes.
/// </remarks>
public interface IChannelWriter : IAsyncDisposable
{
    /// <summary>The data file's name, such as <c>partner.csv</c>.</summary>
    string FileName { get; }

    void Write(ProductRecord record);

    /// <summary>In a delta export (<see cref="ExportMode.Delta"/>): the product <paramref name="sku"/> of <paramref name="model"/> left the channel.</summary>
    /// <remarks>
    /// Called in the group order of <see cref="Write"/>. For a writer whose <see cref="ChannelKind.Grouping"/> is
    /// <see cref="ChannelGrouping.Model"/>, removals come only for models that have no record left (the publisher
    /// writes a changed model whole, so a variant that left it simply is not among its records).
    /// </remarks>
    void WriteRemoval(string sku, string? model);
}
