using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using ProductFlow.Events;

namespace ProductFlow.PostgreSql;

/// <summary>The event outbox on PostgreSQL (table <c>outbox</c>).</summary>
public sealed partial class PostgreSqlProductStore
{
    private const string OutboxColumns = "seq, id, type, source, subject, time, data, created, sent, attempts, next_attempt, last_error";

    public async Task<int> AddEventsAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var added = await AddEventsAsync(connection, transaction, events, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async IAsyncEnumerable<OutboxEntry> ReadEventsAsync(bool pendingOnly, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = _dataSource.CreateCommand($"SELECT {OutboxColumns} FROM outbox {(pendingOnly ? "WHERE sent IS NULL " : "")}ORDER BY seq LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var envelope = new EventEnvelope(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Utc(reader, 5)!.Value, reader.GetFieldValue<byte[]>(6));
            yield return new OutboxEntry(reader.GetInt64(0), envelope, Utc(reader, 7)!.Value)
            {
                Sent = Utc(reader, 8),
                Attempts = reader.GetInt32(9),
                NextAttempt = Utc(reader, 10),
                LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
            };
        }
    }

    public async Task MarkSentAsync(IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = _dataSource.CreateCommand("UPDATE outbox SET sent = $1, next_attempt = NULL WHERE id = ANY($2) AND sent IS NULL");
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ids] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkFailedAsync(IReadOnlyList<string> ids, string reason, DateTimeOffset nextAttempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(reason);
        await using var command = _dataSource.CreateCommand(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt = $2 WHERE id = ANY($3) AND sent IS NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = nextAttempt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ids] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts the events not yet in the outbox, in order, in <paramref name="transaction"/>; returns how many were new.</summary>
    /// <remarks>
    /// The transaction takes <see cref="PostgreSqlSchema.OutboxLock"/> first and holds it to its end: a sequence number is taken when a
    /// row is inserted, not when it commits, so without the lock a later writer could commit first and its events be sent before
    /// earlier ones.
    /// </remarks>
    private static async Task<int> AddEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgreSqlSchema.OutboxLock})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO outbox (id, type, source, subject, time, data) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING", connection, transaction);
        var added = 0;
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e);
            insert.Parameters.Clear();
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Type ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Source ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Subject ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = e.Time.UtcDateTime });
            insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = e.Data.ToArray() });
            added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    private static DateTimeOffset? Utc(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetDateTime(ordinal), TimeSpan.Zero);
}
