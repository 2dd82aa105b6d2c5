namespace ProductFlow.Store;

/// <summary>
/// What a source sent to a merge of sources (<see cref="SourceMerge"/>), as a 64-bit fingerprint a store keeps with the product it merged:
/// the record's content hash, its blocking and notes, whether it gave <c>enabled</c>, the source and the run's merge key
/// (<see cref="SessionOptions.MergeKey"/>).
/// </summary>
/// <remarks>
/// Merging is idempotent: the stored values of the other sources, the source's own and the product fields it sends give the same record
/// when merged with the same record again, and the same record gets the same verdict. So while a product's last write is the merge that
/// kept this fingerprint (any other write replaces or clears it), the same record sent again under the same key needs no merge: the
/// store takes it as unchanged without reading the product. A false match needs a 64-bit collision for the same SKU.
/// </remarks>
public sealed class SourceContribution
{
    private readonly string _given;
    private readonly string _notGiven;

    public SourceContribution(string source, string mergeKey)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(mergeKey);
        _notGiven = SourceList.Of(source) + "\n" + mergeKey;
        _given = _notGiven + "\nenabled";
    }

    /// <summary>The contribution of a record of <paramref name="contentHash"/> (<see cref="ProductDocument.Hash"/>), its blocked channels and notes as stored.</summary>
    public long Of(ReadOnlySpan<byte> contentHash, string blocked, string notes, bool enabledGiven) =>
        Of(StateFingerprint.Parts(contentHash, blocked, notes), enabledGiven);

    /// <summary>The contribution of a record whose content hash, blocked channels and notes are <paramref name="parts"/>.</summary>
    public long Of(StateFingerprint.Prefix parts, bool enabledGiven) => parts.With(enabledGiven ? _given : _notGiven);
}
