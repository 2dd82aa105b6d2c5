using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProductFlow.Access;

namespace ProductFlow.Store.Sqlite;

/// <summary>Principals, their hashed keys and the access log in the embedded store (tables <c>principals</c>, <c>access_keys</c>, <c>access_log</c>).</summary>
public sealed partial class SqliteProductStore
{
    private const string KeyColumns = "id, kind, principal, hash, created, expires";

    public async Task SavePrincipalAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO principals (kind, name, grants, role, disabled, created) VALUES ($kind, $name, $grants, $role, $disabled, $created)
            ON CONFLICT (kind, name) DO UPDATE SET grants = excluded.grants, role = excluded.role, disabled = excluded.disabled, created = excluded.created
            """;
        command.Parameters.AddWithValue("$kind", KindName(principal.Kind));
        command.Parameters.AddWithValue("$name", principal.Name);
        command.Parameters.AddWithValue("$grants", JsonSerializer.Serialize(principal.Grants.ToArray(), SqliteJsonContext.Default.StringArray));
        command.Parameters.AddWithValue("$role", (object?)principal.Role ?? DBNull.Value);
        command.Parameters.AddWithValue("$disabled", principal.Disabled ? 1 : 0);
        command.Parameters.AddWithValue("$created", Timestamp(principal.Created));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Principal?> FindPrincipalAsync(PrincipalKind kind, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name, grants, role, disabled, created FROM principals WHERE kind = $kind AND name = $name";
        command.Parameters.AddWithValue("$kind", KindName(kind));
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadPrincipal(reader, kind) : null;
    }

    public async IAsyncEnumerable<Principal> ReadPrincipalsAsync(PrincipalKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name, grants, role, disabled, created FROM principals WHERE kind = $kind ORDER BY name";
        command.Parameters.AddWithValue("$kind", KindName(kind));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadPrincipal(reader, kind);
        }
    }

    public async Task AddKeyAsync(StoredKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO access_keys ({KeyColumns}) VALUES ($id, $kind, $principal, $hash, $created, $expires)";
        command.Parameters.AddWithValue("$id", key.Id);
        command.Parameters.AddWithValue("$kind", KindName(key.Kind));
        command.Parameters.AddWithValue("$principal", key.Principal);
        command.Parameters.AddWithValue("$hash", key.Hash);
        command.Parameters.AddWithValue("$created", Timestamp(key.Created));
        command.Parameters.AddWithValue("$expires", key.Expires is { } expires ? Timestamp(expires) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ExpireKeysAsync(PrincipalKind kind, string name, DateTimeOffset at, string? keep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var command = _connection.CreateCommand();
        // Timestamps are fixed-width UTC text: they compare as the times they stand for.
        command.CommandText = """
            UPDATE access_keys SET expires = CASE WHEN expires IS NULL OR expires > $at THEN $at ELSE expires END
            WHERE kind = $kind AND principal = $name AND id IS NOT $keep
            """;
        command.Parameters.AddWithValue("$at", Timestamp(at));
        command.Parameters.AddWithValue("$kind", KindName(kind));
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$keep", (object?)keep ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {KeyColumns} FROM access_keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredKey(reader.GetString(0), ParseKind(reader.GetString(1)), reader.GetString(2), (byte[])reader[3], ParseTimestamp(reader.GetString(4)))
        {
            Expires = reader.IsDBNull(5) ? null : ParseTimestamp(reader.GetString(5)),
        };
    }

    /// <remarks>One transaction for the batch: a host records requests in batches from a queue, so a busy store costs one wait per batch.</remarks>
    public Task RecordAccessAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO access_log (at, kind, principal, action, target, version, status, bytes)
            VALUES ($at, $kind, $principal, $action, $target, $version, $status, $bytes)
            """;
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$at", Timestamp(record.At));
            insert.Parameters.AddWithValue("$kind", KindName(record.Kind));
            insert.Parameters.AddWithValue("$principal", record.Principal);
            insert.Parameters.AddWithValue("$action", record.Action);
            insert.Parameters.AddWithValue("$target", (object?)record.Target ?? DBNull.Value);
            insert.Parameters.AddWithValue("$version", (object?)record.Version ?? DBNull.Value);
            insert.Parameters.AddWithValue("$status", record.Status);
            insert.Parameters.AddWithValue("$bytes", record.Bytes);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<AccessRecord> ReadAccessAsync(PrincipalKind kind, string name, int limit = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT at, principal, action, target, version, status, bytes FROM access_log WHERE kind = $kind AND principal = $name
            ORDER BY at DESC, seq DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$kind", KindName(kind));
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AccessRecord(
                ParseTimestamp(reader.GetString(0)), kind, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(5), reader.GetInt64(6))
            {
                Version = reader.IsDBNull(4) ? null : reader.GetInt32(4),
            };
        }
    }

    public async Task SaveSessionKeyAsync(string name, string xml, DateTimeOffset created, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(xml);
        await using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO session_keys (name, xml, created) VALUES ($name, $xml, $created) ON CONFLICT (name) DO NOTHING";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$xml", xml);
        command.Parameters.AddWithValue("$created", Timestamp(created));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<(string Name, string Xml)> ReadSessionKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name, xml FROM session_keys ORDER BY created, name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (reader.GetString(0), reader.GetString(1));
        }
    }

    private static Principal ReadPrincipal(SqliteDataReader reader, PrincipalKind kind) => new(kind, reader.GetString(0))
    {
        Grants = JsonSerializer.Deserialize(reader.GetString(1), SqliteJsonContext.Default.StringArray) ?? [],
        Role = reader.IsDBNull(2) ? null : reader.GetString(2),
        Disabled = reader.GetInt64(3) != 0,
        Created = ParseTimestamp(reader.GetString(4)),
    };

    private static string KindName(PrincipalKind kind) => kind.ToString().ToLowerInvariant();

    private static PrincipalKind ParseKind(string text) => Enum.Parse<PrincipalKind>(text, ignoreCase: true);
}
