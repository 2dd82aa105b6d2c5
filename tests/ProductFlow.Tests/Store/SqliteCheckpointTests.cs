using Microsoft.Data.Sqlite;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>A large commit to the embedded store without SQLite's automatic checkpoint, the log copied to the database file in the background.</summary>
public class SqliteCheckpointTests
{
    private TempDirectory _dir = null!;
    private string _path = null!;
    private SqliteConnection _connection = null!;

    [SetUp]
    public void Open()
    {
        _dir = new TempDirectory();
        _path = Path.Combine(_dir.Path, "store.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        _connection.Open();
        Execute(null, "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
    }

    [TearDown]
    public void Close()
    {
        _connection.Dispose();
        _dir.Dispose();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Once_disposed_the_database_file_holds_every_committed_page(CancellationToken token)
    {
        var checkpoint = new SqliteCheckpoint(_path);
        await InsertAndCommitAsync(checkpoint, rows: 3_000, token); // ~3,000 pages of 4 KB: three times the automatic checkpoint's 1,000

        await checkpoint.DisposeAsync();

        // The store's own connection is still open, so nothing was copied at close: the copy is the background checkpoint's.
        var pages = (long)Scalar("PRAGMA page_count")! * (long)Scalar("PRAGMA page_size")!;
        Assert.That(new FileInfo(_path).Length, Is.EqualTo(pages), "the database file holds every page the log held");
        Assert.That(Scalar("SELECT count(*) FROM t"), Is.EqualTo(3_000L));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_connection_checkpoints_automatically_again_after_the_commit(CancellationToken token)
    {
        await using var checkpoint = new SqliteCheckpoint(_path);
        await InsertAndCommitAsync(checkpoint, rows: 10, token);

        Assert.That(Scalar("PRAGMA wal_autocheckpoint"), Is.EqualTo(1_000L));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_cancelled_commit_commits_nothing_and_leaves_the_automatic_checkpoint_on(CancellationToken token)
    {
        await using var checkpoint = new SqliteCheckpoint(_path);
        await using (var transaction = _connection.BeginTransaction())
        {
            Insert(transaction, rows: 10);
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            Assert.That(
                async () => await checkpoint.CommitWithoutCheckpoint(_connection, transaction, cancelled.Token),
                Throws.InstanceOf<OperationCanceledException>());
        }

        Assert.That(Scalar("PRAGMA wal_autocheckpoint"), Is.EqualTo(1_000L));
        Assert.That(Scalar("SELECT count(*) FROM t"), Is.EqualTo(0L));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_commit_that_fails_throws_its_own_error_and_leaves_the_automatic_checkpoint_on(CancellationToken token)
    {
        Execute(null, "PRAGMA foreign_keys = ON; CREATE TABLE child (parent INTEGER REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED)");
        await using var checkpoint = new SqliteCheckpoint(_path);
        await using (var transaction = _connection.BeginTransaction())
        {
            Execute(transaction, "INSERT INTO child (parent) VALUES (42)"); // no such row in t: COMMIT fails
            Assert.That(
                async () => await checkpoint.CommitWithoutCheckpoint(_connection, transaction, token),
                Throws.InstanceOf<SqliteException>().With.Message.Contains("FOREIGN KEY"));
            await transaction.RollbackAsync(token);
        }

        Assert.That(Scalar("PRAGMA wal_autocheckpoint"), Is.EqualTo(1_000L));
        Assert.That(Scalar("SELECT count(*) FROM child"), Is.EqualTo(0L));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Reads_and_writes_go_on_while_the_log_is_copied(CancellationToken token)
    {
        var checkpoint = new SqliteCheckpoint(_path);
        await InsertAndCommitAsync(checkpoint, rows: 3_000, token);

        Assert.That(Scalar("SELECT count(*) FROM t"), Is.EqualTo(3_000L));
        await InsertAndCommitAsync(checkpoint, rows: 5, token, first: 3_000); // waits for the first copy, then starts another

        await checkpoint.DisposeAsync();
        Assert.That(Scalar("SELECT count(*) FROM t"), Is.EqualTo(3_005L));
        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        other.Open();
        using var count = other.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.That(count.ExecuteScalar(), Is.EqualTo(3_005L), "another connection sees both commits");
    }

    /// <summary>Inserts <paramref name="rows"/> rows in a transaction of their own, committed through <paramref name="checkpoint"/>.</summary>
    private async Task InsertAndCommitAsync(SqliteCheckpoint checkpoint, int rows, CancellationToken token, int first = 0)
    {
        await using var transaction = _connection.BeginTransaction();
        Insert(transaction, rows, first);
        await checkpoint.CommitWithoutCheckpoint(_connection, transaction, token);
    }

    private void Insert(SqliteTransaction transaction, int rows, int first = 0)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO t (id, data) VALUES ($id, zeroblob(3000))";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        for (var i = first; i < first + rows; i++)
        {
            id.Value = i;
            command.ExecuteNonQuery();
        }
    }

    private void Execute(SqliteTransaction? transaction, string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
