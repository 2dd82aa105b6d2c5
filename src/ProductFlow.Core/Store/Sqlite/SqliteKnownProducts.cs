using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using ProductFlow.Rules;

namespace ProductFlow.Store.Sqlite;

/// <summary>The store's SKUs as a compact map (SKU hash to the product's state), loaded once per session: most upserts then need no SELECT.</summary>
/// <remarks>
/// A SKU whose hash is absent is certainly new. A state is a 64-bit fingerprint of what an unchanged upsert compares
/// (content hash, blocked channels, notes, sources), kept in <c>products.state</c>; when it matches, the upsert changes
/// nothing and is skipped. 0 means "unknown or removed": the session reads the row. A hash collision between two SKUs
/// only costs a SELECT; a false "unchanged" needs a 64-bit fingerprint collision of the same SKU. About 30 bytes per product.
/// </remarks>
internal sealed class SqliteKnownProducts
{
    public const long Unknown = 0;

    private readonly Dictionary<ulong, long> _states;

    private SqliteKnownProducts(Dictionary<ulong, long> states) => _states = states;

    public static SqliteKnownProducts Load(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM products";
        var states = new Dictionary<ulong, long>((int)(long)command.ExecuteScalar()!);
        command.CommandText = "SELECT sku, state FROM products";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            states[KeyHash.Of(reader.GetString(0))] = reader.GetInt64(1);
        }

        return new SqliteKnownProducts(states);
    }

    /// <summary>Whether the store may hold <paramref name="key"/>, and its state if so.</summary>
    public bool TryGet(ulong key, out long state) => _states.TryGetValue(key, out state);

    public void Set(ulong key, long state) => _states[key] = state;

    public static long Fingerprint(ReadOnlySpan<byte> contentHash, string blocked, string notes, string sources)
    {
        var state = BinaryPrimitives.ReadUInt64LittleEndian(contentHash) ^ (KeyHash.Of(blocked, notes, sources) * 0x9E3779B97F4A7C15UL);
        return state == Unknown ? 1 : (long)state;
    }
}
