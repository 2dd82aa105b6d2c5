using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>A record in its stored form: the canonical document, its hash and lineage, its notes and the channels it was checked for.</summary>
/// <remarks>Copies, not the <see cref="ProductDocument"/>'s reused buffers: made on one thread, written by another (see <see cref="ISerialisingSession"/>).</remarks>
internal sealed record SerialisedRecord(byte[] Hash, byte[] Content, byte[] Lineage, string Notes, string Checked)
{
    /// <summary>Serialises <paramref name="record"/> with <paramref name="document"/>, whose values with no source take <paramref name="source"/>.</summary>
    public static SerialisedRecord Of(ProductDocument document, ProductRecord record, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(record);
        document.Write(record, source);
        return new SerialisedRecord(document.Hash, document.Content.ToArray(), document.Lineage.ToArray(), NotesJson.Write(record.Notes), StoredProduct.FormatBlocked(record.Notes.Channels));
    }
}

/// <summary>A session that can take a record already serialised: <see cref="BackgroundStoreSession"/> serialises on the caller's thread while its writer is behind.</summary>
/// <remarks>
/// A run's rules and its store's writes run on two threads; the store's thread was the slower, and serialising a record (its
/// canonical JSON, SHA-256 and lineage) was some 40% of it. <see cref="SerialiseAhead"/> uses only what the session knew when it
/// began, so it may run on another thread than the writes, one record at a time.
/// </remarks>
internal interface ISerialisingSession : IStoreSession
{
    /// <summary>The stored form of <paramref name="record"/>, made with <paramref name="document"/> (the caller's); <c>null</c> when the session serialises such a record itself.</summary>
    SerialisedRecord? SerialiseAhead(ProductRecord record, ProductDocument document);

    /// <summary>As <see cref="IStoreSession.UpsertAsync"/>, with the record's stored form from <see cref="SerialiseAhead"/> (or <c>null</c>).</summary>
    ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, SerialisedRecord? serialised, CancellationToken cancellationToken = default);
}
