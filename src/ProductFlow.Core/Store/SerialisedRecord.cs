using System.Buffers;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>A record in its stored form: the canonical document, its hash and lineage, its notes and the channels it was checked for.</summary>
/// <remarks>
/// Made ahead (<see cref="Of"/>) on one thread and written on another, its document and lineage are copied into one array rented
/// from <see cref="ArrayPool{T}.Shared"/>, which the writer gives back with <see cref="Release"/> once written. Made where it is written
/// (<see cref="InPlace"/>), it is the <see cref="ProductDocument"/>'s own buffers, good until that document's next write: nothing is copied.
/// </remarks>
internal sealed class SerialisedRecord(byte[] hash, ReadOnlyMemory<byte> content, ReadOnlyMemory<byte> lineage, string notes, string @checked)
{
    private byte[]? _rented;

    public byte[] Hash { get; } = hash;

    public ReadOnlyMemory<byte> Content { get; } = content;

    public ReadOnlyMemory<byte> Lineage { get; } = lineage;

    public string Notes { get; } = notes;

    public string Checked { get; } = @checked;

    /// <summary>Serialises <paramref name="record"/> with <paramref name="document"/>, whose values with no source take <paramref name="source"/>, into a copy of its own.</summary>
    public static SerialisedRecord Of(ProductDocument document, ProductRecord record, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(record);
        document.Write(record, source);
        var content = document.Content.Span;
        var lineage = document.Lineage.Span;
        var rented = ArrayPool<byte>.Shared.Rent(content.Length + lineage.Length);
        content.CopyTo(rented);
        lineage.CopyTo(rented.AsSpan(content.Length));
        return new SerialisedRecord(document.Hash, rented.AsMemory(0, content.Length), rented.AsMemory(content.Length, lineage.Length), NotesOf(record), CheckedOf(record))
        {
            _rented = rented,
        };
    }

    /// <summary>As <see cref="Of"/>, over <paramref name="document"/>'s own buffers: to be written before <paramref name="document"/> writes again.</summary>
    public static SerialisedRecord InPlace(ProductDocument document, ProductRecord record, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(record);
        document.Write(record, source);
        return new SerialisedRecord(document.Hash, document.Content, document.Lineage, NotesOf(record), CheckedOf(record));
    }

    /// <summary>Gives a copy's array back to the pool: the record is written, and nothing reads it after.</summary>
    public void Release()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string NotesOf(ProductRecord record) => NotesJson.Write(record.Notes);

    private static string CheckedOf(ProductRecord record) => StoredProduct.FormatBlocked(record.Notes.Channels);
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
