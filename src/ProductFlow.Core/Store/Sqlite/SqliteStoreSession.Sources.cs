using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Store.Sqlite;

/// <summary>How the session writes a product that several sources carry: merged with the stored record, or taken off it (see docs/store.md, "Several sources, one record").</summary>
internal sealed partial class SqliteStoreSession
{
    /// <summary>
    /// The state a merge of <paramref name="incoming"/> leaves, with a merge key: what this source sent (<see cref="SourceContribution"/>),
    /// which the same record sent again under the same key matches while no other write changed the product (each leaves a state of its
    /// own: another source's merge, a run of one source, a removal, a refresh of inherited values); null without a key.
    /// <paramref name="prepared"/>: <see cref="_current"/> holds the record; <paramref name="parts"/>: what a known SKU's fingerprints hashed of it.
    /// </summary>
    private long? Contribution(ProductRecord incoming, IReadOnlyCollection<string> blockedChannels, bool prepared, StateFingerprint.Prefix? parts)
    {
        if (_contribution is null)
        {
            return null;
        }

        if (parts is not { } known)
        {
            if (!prepared)
            {
                Serialise(incoming);
            }

            known = StateFingerprint.Parts(_current.Hash, StoredProduct.FormatBlocked(blockedChannels), _current.Notes);
        }

        return _contribution.Of(known, incoming.EnabledGiven);
    }

    /// <summary>Takes the run's source off a product other sources still carry: its values go, the others' stay (see docs/store.md, "Several sources, one record").</summary>
    private void Withdraw(string sku)
    {
        var stored = Find(sku)!;
        var rest = SourceMerge.Withdraw(ReadCurrent(sku, stored), _run.Pipeline);
        if (Write(rest, KeyHash.Of(sku), stored, stored.Blocked, SourceList.Without(stored.Sources, _run.Pipeline)) > 0)
        {
            _updated++;
        }
    }

    /// <summary>The stored record with its values' origins and sources (the current version's document and lineage).</summary>
    private ProductRecord ReadCurrent(string sku, StoredRow stored)
    {
        _lineage.Parameters[0].Value = sku;
        using var reader = _lineage.ExecuteReader();
        reader.Read();
        var record = SourceMerge.ReadStored((byte[])reader[0], (byte[])reader[1], stored.Source);
        record.Notes = NotesJson.Read(stored.Notes);
        return record;
    }
}
