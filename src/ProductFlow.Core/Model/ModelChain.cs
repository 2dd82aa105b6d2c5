namespace ProductFlow.Model;

/// <summary>The product models above a record, nearest first: a variant's parent model, then that model's parent (the root).</summary>
/// <remarks>
/// A run resolves the chain from the models of its own feed and those of the store (<c>ModelResolver</c>); a chain always ends at a
/// root model (one without a parent). Akeneo has at most two levels of models: a root model and its sub-models.
/// </remarks>
public sealed class ModelChain
{
    public ModelChain(IReadOnlyList<ProductRecord> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("a model chain has at least one model", nameof(models));
        }

        Models = models;
    }

    /// <summary>The models, nearest first.</summary>
    public IReadOnlyList<ProductRecord> Models { get; }

    /// <summary>The root model: its family variant is the chain's.</summary>
    public ProductRecord Root => Models[^1];

    /// <summary>How many models stand above the record: 1 when its parent is a root model, 2 under a sub-model.</summary>
    public int Depth => Models.Count;
}
