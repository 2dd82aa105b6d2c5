using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ProductFlow.Events;

namespace ProductFlow.Store.Sqlite;

/// <summary>The event outbox of the embedded store (table <c>outbox</c>).</summary>
public sealed partial class SqliteProductStore
{
    private const string OutboxColumns = "seq, id, type, source, subject, time, data, created, sent, attempts, next_attempt, last_error";

    public Task<int> AddEventsAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        using var transaction = _connection.BeginTransaction();
        var added = AddEvents(transaction, events);
        transaction.Commit();
        return Task.FromResult(added);
    }

    public async IAsyncEnumerable<OutboxEntry> ReadEventsAsync(bool pendingOnly, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {OutboxColumns} FROM outbox {(pendingOnly ? "WHERE sent IS NULL " : "")}ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var envelope = new EventEnvelope(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), ParseTimestamp(reader.GetString(5)), (byte[])reader[6]);
            yield return new OutboxEntry(reader.GetInt64(0), envelope, ParseTimestamp(reader.GetString(7)))
            {
                Sent = reader.IsDBNull(8) ? null : ParseTimestamp(reader.GetString(8)),
                Attempts = reader.GetInt32(9),
                NextAttempt = reader.IsDBNull(10) ? null : ParseTimestamp(reader.GetString(10)),
                LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
            };
        }
    }

    public Task MarkSentAsync(IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdateEvents(ids, "UPDATE outbox SET sent = $at, next_attempt = NULL WHERE id = $id AND sent IS NULL", [("$at", Timestamp(at))], cancellationToken);

    public Task MarkFailedAsync(IReadOnlyList<string> ids, string reason, DateTimeOffset nextAttempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return UpdateEvents(
            ids, "UPDATE outbox SET attempts = attempts + 1, last_error = $reason, next_attempt = $next WHERE id = $id AND sent IS NULL",
            [("$reason", reason), ("$next", Timestamp(nextAttempt))], cancellationToken);
    }

    /// <summary>Inserts the events not yet in the outbox, in order, in <paramref name="transaction"/>; returns how many were new.</summary>
    private int AddEvents(SqliteTransaction transaction, IReadOnlyList<EventEnvelope> events)
    {
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO outbox (id, type, source, subject, time, data, created) VALUES ($id, $type, $source, $subject, $time, $data, $created)
            ON CONFLICT (id) DO NOTHING
            """;
        var created = Timestamp(DateTimeOffset.UtcNow);
        var added = 0;
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e);
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", e.Id);
            insert.Parameters.AddWithValue("$type", e.Type);
            insert.Parameters.AddWithValue("$source", e.Source);
            insert.Parameters.AddWithValue("$subject", e.Subject);
            insert.Parameters.AddWithValue("$time", Timestamp(e.Time));
            insert.Parameters.AddWithValue("$data", e.Data.ToArray());
            insert.Parameters.AddWithValue("$created", created);
            added += insert.ExecuteNonQuery();
        }

        return added;
    }

    /// <summary>Runs <paramref name="sql"/> for each id (<c>$id</c>), with the same <paramref name="values"/>, in one transaction.</summary>
    private Task UpdateEvents(IReadOnlyList<string> ids, string sql, (string Name, string Value)[] values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        using var transaction = _connection.BeginTransaction();
        using var update = _connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = sql;
        var id = update.Parameters.Add("$id", SqliteType.Text);
        foreach (var (name, value) in values)
        {
            update.Parameters.AddWithValue(name, value);
        }

        foreach (var each in ids)
        {
            id.Value = each;
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }
}
