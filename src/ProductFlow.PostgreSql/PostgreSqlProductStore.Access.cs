using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using ProductFlow.Access;

namespace ProductFlow.PostgreSql;

/// <summary>Principals, their hashed keys and the access log on PostgreSQL (tables <c>principals</c>, <c>access_keys</c>, <c>access_log</c>).</summary>
public sealed partial class PostgreSqlProductStore
{
    private const string KeyColumns = "id, kind, principal, hash, created, expires";

    public async Task SavePrincipalAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO principals (kind, name, grants, role, disabled, created) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (kind, name) DO UPDATE SET grants = excluded.grants, role = excluded.role, disabled = excluded.disabled, created = excluded.created
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = KindName(principal.Kind) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = principal.Name });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. principal.Grants] });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)principal.Role ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = principal.Disabled });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = principal.Created.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Principal?> FindPrincipalAsync(PrincipalKind kind, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var command = _dataSource.CreateCommand("SELECT name, grants, role, disabled, created FROM principals WHERE kind = $1 AND name = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = KindName(kind) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadPrincipal(reader, kind) : null;
    }

    public async IAsyncEnumerable<Principal> ReadPrincipalsAsync(PrincipalKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT name, grants, role, disabled, created FROM principals WHERE kind = $1 ORDER BY name");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = KindName(kind) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadPrincipal(reader, kind);
        }
    }

    public async Task AddKeyAsync(StoredKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = _dataSource.CreateCommand($"INSERT INTO access_keys ({KeyColumns}) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = KindName(key.Kind) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Principal });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = key.Hash });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = key.Created.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Expires is { } expires ? expires.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ExpireKeysAsync(PrincipalKind kind, string name, DateTimeOffset at, string? keep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var command = _dataSource.CreateCommand(
            "UPDATE access_keys SET expires = least(coalesce(expires, $1), $1) WHERE kind = $2 AND principal = $3 AND id IS DISTINCT FROM $4");
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = KindName(kind) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)keep ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = _dataSource.CreateCommand($"SELECT {KeyColumns} FROM access_keys WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredKey(reader.GetString(0), ParseKind(reader.GetString(1)), reader.GetString(2), reader.GetFieldValue<byte[]>(3), Utc(reader, 4)!.Value)
        {
            Expires = Utc(reader, 5),
        };
    }

    /// <remarks>One round trip and one transaction for the batch.</remarks>
    public async Task RecordAccessAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO access_log (at, kind, principal, action, target, version, status, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = record.At.UtcDateTime });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = KindName(record.Kind) });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Principal });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Action });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)record.Target ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)record.Version ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = record.Status });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = record.Bytes });
            batch.BatchCommands.Add(insert);
        }

        // A batch without an explicit transaction runs in an implicit one: all its records or none.
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<AccessRecord> ReadAccessAsync(PrincipalKind kind, string name, int limit = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = _dataSource.CreateCommand("""
            SELECT at, principal, action, target, version, status, bytes FROM access_log WHERE kind = $1 AND principal = $2
            ORDER BY at DESC, seq DESC LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = KindName(kind) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AccessRecord(Utc(reader, 0)!.Value, kind, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(5), reader.GetInt64(6))
            {
                Version = reader.IsDBNull(4) ? null : reader.GetInt32(4),
            };
        }
    }

    public async Task SaveSessionKeyAsync(string name, string xml, DateTimeOffset created, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(xml);
        await using var command = _dataSource.CreateCommand("INSERT INTO session_keys (name, xml, created) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = xml });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = created.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<(string Name, string Xml)> ReadSessionKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT name, xml FROM session_keys ORDER BY created, name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (reader.GetString(0), reader.GetString(1));
        }
    }

    private static Principal ReadPrincipal(NpgsqlDataReader reader, PrincipalKind kind) => new(kind, reader.GetString(0))
    {
        Grants = reader.GetFieldValue<string[]>(1),
        Role = reader.IsDBNull(2) ? null : reader.GetString(2),
        Disabled = reader.GetBoolean(3),
        Created = Utc(reader, 4)!.Value,
    };

    private static string KindName(PrincipalKind kind) => kind.ToString().ToLowerInvariant();

    private static PrincipalKind ParseKind(string text) => Enum.Parse<PrincipalKind>(text, ignoreCase: true);
}
