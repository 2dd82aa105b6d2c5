using Microsoft.Data.Sqlite;
using ProductFlow.Collections;
using ProductFlow.Primitives;

namespace ProductFlow.Store.Sqlite;

/// <summary>The store's SKUs as a compact map (SKU hash to the product's state), loaded once per session: most upserts then need no SELECT.</summary>
/// <remarks>
/// A SKU whose hash is absent was not in the store when the session began. A state is a 64-bit fingerprint
/// (<see cref="StateFingerprint"/>) of what an unchanged upsert compares (content hash, blocked channels, notes, sources), or, for a
/// product a merge of sources wrote last, of what that source sent (<see cref="SourceContribution"/>), kept in <c>products.state</c>;
/// when it matches, the upsert changes nothing and is skipped. 0 means "unknown or removed": the session reads the row. A hash
/// collision between two SKUs only costs a SELECT; a false "unchanged" needs a 64-bit fingerprint collision of the same SKU.
/// The map holds the store as the session found it, 20-30 bytes per product, and does not grow: a session's writes update
/// the states of the SKUs it holds, and a SKU new to the store is not added (the session inserts it with
/// <c>ON CONFLICT DO NOTHING</c>, which tells a SKU it inserted already). A first load of a million SKUs costs nothing here.
/// </remarks>
internal sealed class SqliteKnownProducts
{
    private readonly KeyMap<long> _states;

    private SqliteKnownProducts(KeyMap<long> states) => _states = states;

    public static SqliteKnownProducts Load(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM products";
        var states = new KeyMap<long>((int)(long)command.ExecuteScalar()!);
        command.CommandText = "SELECT sku, state FROM products";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = KeyHash.Of(reader.GetString(0));
            if (!states.TryAdd(key, reader.GetInt64(1)))
            {
                states.TryReplace(key, StateFingerprint.Unknown); // two SKUs of one hash: either reads its row
            }
        }

        return new SqliteKnownProducts(states);
    }

    /// <summary>Whether the store held <paramref name="key"/> when the session began, and its state if so.</summary>
    public bool TryGet(ulong key, out long state) => _states.TryGetValue(key, out state);

    /// <summary>Records the state a write left, for a key the map holds (see remarks: a SKU new to the store is not added).</summary>
    public void Update(ulong key, long state) => _states.TryReplace(key, state);
}
