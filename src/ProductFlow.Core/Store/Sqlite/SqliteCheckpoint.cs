using Microsoft.Data.Sqlite;

namespace ProductFlow.Store.Sqlite;

/// <summary>Copies what a large transaction committed to the write-ahead log into the database file, on a connection of its own, while the caller goes on.</summary>
/// <remarks>
/// <para>In WAL mode a commit appends its pages to the log; SQLite's automatic checkpoint then copies them into the database file and
/// syncs it, on the committing connection, before the commit returns. After a run's one transaction (hundreds of megabytes for a large
/// feed) that copy and sync held the run for seconds with one core busy and the other idle. A run's session commits with the automatic
/// checkpoint off (<see cref="CommitWithoutCheckpoint"/>) and hands the copy to this class, which runs a passive checkpoint on another
/// connection while the run publishes.</para>
/// <para>Nothing waits for it but the store's disposal. Readers and writers go on meanwhile (a passive checkpoint copies only what no
/// reader still needs, and neither blocks nor waits). A checkpoint that fails loses nothing: the log holds every committed page, and the
/// next checkpoint (automatic after a later commit, or when the store's last connection closes) copies it again.</para>
/// </remarks>
internal sealed class SqliteCheckpoint(string path) : IAsyncDisposable
{
    private Task _running = Task.CompletedTask;

    /// <summary>Commits <paramref name="transaction"/> without the automatic checkpoint, then starts one in the background.</summary>
    public async Task CommitWithoutCheckpoint(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await Pragma(connection, transaction, "PRAGMA wal_autocheckpoint = 0", cancellationToken).ConfigureAwait(false);
        try
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A commit that failed (a deferred constraint) leaves the transaction open: the setting is restored inside it.
            await Pragma(connection, transaction.Connection is null ? null : transaction, "PRAGMA wal_autocheckpoint = 1000", CancellationToken.None).ConfigureAwait(false);
        }

        await _running.ConfigureAwait(false);
        _running = Task.Run(Run, CancellationToken.None);
    }

    /// <summary>Waits for a checkpoint under way.</summary>
    public async ValueTask DisposeAsync() => await _running.ConfigureAwait(false);

    private void Run()
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Nothing is lost (see the remarks): the next checkpoint copies the log.
        }
    }

    private static async Task Pragma(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
