using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Channels;

/// <summary>Collects the records of one product model, as they arrive (grouped), and hands each batch over whole to a writer.</summary>
/// <remarks>
/// For writers whose <see cref="ChannelGrouping"/> is <see cref="ChannelGrouping.Model"/>: they buffer one model's records, never more.
/// A record without a model is a group of its own. Also remembers the last removed model, so a model whose
/// variants are removed one by one gives one removal.
/// </remarks>
internal sealed class ModelBatches(Action<IReadOnlyList<ProductRecord>> write, ExportMode mode)
{
    private readonly List<ProductRecord> _records = [];
    private string? _removedModel;

    public void Add(ProductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_records.Count > 0 && (record.Parent is null || !string.Equals(record.Parent, _records[0].Parent, StringComparison.Ordinal)))
        {
            Flush();
        }

        _records.Add(record);
        _removedModel = null;
        if (record.Parent is null)
        {
            Flush();
        }
    }

    /// <summary>Writes the group being collected, if any.</summary>
    public void Flush()
    {
        if (_records.Count > 0)
        {
            write(_records);
            _records.Clear();
        }
    }

    /// <summary>Whether a removal of <paramref name="model"/> is the first of a run of removals of that model (a removal without model always is).</summary>
    /// <exception cref="InvalidOperationException">The export is a full one, which has no removals.</exception>
    public bool IsFirstRemoval(string? model)
    {
        if (mode != ExportMode.Delta)
        {
            throw new InvalidOperationException("a full export has no removals");
        }

        Flush();
        if (model is not null && string.Equals(model, _removedModel, StringComparison.Ordinal))
        {
            return false;
        }

        _removedModel = model;
        return true;
    }
}
