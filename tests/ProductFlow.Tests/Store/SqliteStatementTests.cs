using Microsoft.Data.Sqlite;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.Tests.Store;

/// <summary>A statement prepared once on the connection's handle, its parameters bound by index.</summary>
public class SqliteStatementTests
{
    private SqliteConnection _connection = null!;

    [SetUp]
    public void OpenConnection()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data BLOB, note TEXT)");
    }

    [TearDown]
    public void CloseConnection() => _connection.Dispose();

    [Test]
    public void Execute_writes_each_type_bound_and_null_as_sqlite_reads_them_back()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (id, name, data, note) VALUES ($id, $name, $data, $note)", "$id", "$name", "$data", "$note");
        insert.Bind(0, long.MinValue);
        insert.Bind(1, "Grüße, 東京 🚲");
        insert.Bind(2, new byte[] { 0, 1, 255 });
        insert.BindNull(3);
        Assert.That(insert.Execute(), Is.EqualTo(1));
        insert.Bind(0, 2);
        insert.Bind(1, "");
        insert.Bind(2, ReadOnlySpan<byte>.Empty);
        insert.Bind(3, (string?)null);
        Assert.That(insert.Execute(), Is.EqualTo(1));

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, name, typeof(name), data, typeof(data), typeof(note) FROM t ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, string, byte[], string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader[3], reader.GetString(4), reader.GetString(5)));
        }

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0], Is.EqualTo((long.MinValue, "Grüße, 東京 🚲", "text", new byte[] { 0, 1, 255 }, "blob", "null")));
        Assert.That(rows[1], Is.EqualTo((2L, "", "text", Array.Empty<byte>(), "blob", "null")), "an empty string is text and an empty span a blob, not null");
    }

    [Test]
    public void Execute_binds_a_parameter_used_twice_once_and_reports_the_rows_changed()
    {
        Run("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        using var update = new SqliteStatement(_connection, "UPDATE t SET note = $note WHERE id <> $id AND name <> $note", "$id", "$note");
        update.Bind(0, 2);
        update.Bind(1, "c");
        Assert.That(update.Execute(), Is.EqualTo(1));
        Assert.That(Scalar("SELECT group_concat(id) FROM t WHERE note = 'c'"), Is.EqualTo("1"));
    }

    [Test]
    public void Execute_clears_the_bindings_so_a_value_not_bound_again_is_null()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (id, note) VALUES ($id, $note)", "$id", "$note");
        insert.Bind(0, 1);
        insert.Bind(1, "first");
        insert.Execute();
        insert.Bind(0, 2);
        insert.Execute();
        Assert.That(Scalar("SELECT typeof(note) FROM t WHERE id = 2"), Is.EqualTo("null"));
    }

    [Test]
    public void Execute_reports_a_constraint_violation_as_microsoft_data_sqlite_does_and_stays_usable()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (id, name) VALUES ($id, $name)", "$id", "$name");
        insert.Bind(0, 1);
        insert.Bind(1, "a");
        insert.Execute();
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO t (id, name) VALUES (1, 'b')";
        var expected = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery())!;

        insert.Bind(0, 1);
        insert.Bind(1, "b");
        var thrown = Assert.Throws<SqliteException>(() => insert.Execute())!;

        Assert.That(thrown.Message, Is.EqualTo(expected.Message).And.Contains("UNIQUE constraint failed: t.id"));
        Assert.That((thrown.SqliteErrorCode, thrown.SqliteExtendedErrorCode), Is.EqualTo((expected.SqliteErrorCode, expected.SqliteExtendedErrorCode)));
        insert.Bind(0, 2);
        insert.Bind(1, "b");
        Assert.That(insert.Execute(), Is.EqualTo(1), "the statement was reset after the error");
        Assert.That(Scalar("SELECT group_concat(name) FROM t"), Is.EqualTo("a,b"));
    }

    [Test]
    public void Execute_reports_a_busy_database_as_a_sqlite_exception()
    {
        using var dir = new Support.TempDirectory();
        var path = Path.Combine(dir.Path, "busy.db");
        using var first = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 0 }.ToString());
        using var second = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 0 }.ToString());
        first.Open();
        second.Open();
        using (var create = first.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY)";
            create.ExecuteNonQuery();
        }

        using var transaction = first.BeginTransaction();
        using var insert = new SqliteStatement(second, "INSERT INTO t (id) VALUES ($id)", "$id");
        insert.Bind(0, 1);
        var thrown = Assert.Throws<SqliteException>(() => insert.Execute())!;
        Assert.That(thrown.SqliteErrorCode, Is.EqualTo(SQLitePCL.raw.SQLITE_BUSY));

        transaction.Rollback();
        insert.Bind(0, 1);
        Assert.That(insert.Execute(), Is.EqualTo(1), "the statement was reset after the error");
    }

    [Test]
    public void Writes_in_a_transaction_are_undone_by_its_rollback()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (id, name) VALUES ($id, $name)", "$id", "$name");
        using (var transaction = _connection.BeginTransaction())
        {
            insert.Bind(0, 1);
            insert.Bind(1, "a");
            insert.Execute();
            Assert.That(Scalar("SELECT count(*) FROM t", transaction), Is.EqualTo(1L));
            transaction.Rollback();
        }

        Assert.That(Scalar("SELECT count(*) FROM t"), Is.EqualTo(0L));
    }

    [Test]
    public void Writes_in_a_transaction_are_kept_by_its_commit()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (id, name) VALUES ($id, $name)", "$id", "$name");
        using (var transaction = _connection.BeginTransaction())
        {
            insert.Bind(0, 1);
            insert.Bind(1, "a");
            insert.Execute();
            transaction.Commit();
        }

        Assert.That(Scalar("SELECT count(*) FROM t"), Is.EqualTo(1L));
    }

    [Test]
    public void Read_steps_a_query_row_by_row_with_each_columns_bytes_and_runs_again_after_its_last_row()
    {
        Run("INSERT INTO t (id, name, data) VALUES (1, 'Grüße', x'0001ff'), (2, '', x''), (3, 'c', x'07')");
        using var query = new SqliteStatement(_connection, "SELECT name, data FROM t WHERE id >= $from ORDER BY id", "$from");

        List<(string, byte[])> ReadAll()
        {
            var rows = new List<(string, byte[])>();
            while (query.Read())
            {
                rows.Add((System.Text.Encoding.UTF8.GetString(query.Blob(0)), query.Blob(1).ToArray()));
            }

            return rows;
        }

        query.Bind(0, 2);
        Assert.That(ReadAll(), Is.EqualTo(new[] { ("", Array.Empty<byte>()), ("c", new byte[] { 7 }) }));
        query.Bind(0, 1);
        Assert.That(ReadAll(), Is.EqualTo(new[] { ("Grüße", new byte[] { 0, 1, 255 }), ("", Array.Empty<byte>()), ("c", new byte[] { 7 }) }));
    }

    [Test]
    public void Read_reports_an_error_of_a_row_as_a_sqlite_exception_and_stays_usable()
    {
        Run("INSERT INTO t (id, note) VALUES (1, '{\"a\": 1}'), (2, 'not json')");
        using var query = new SqliteStatement(_connection, "SELECT json(note) FROM t ORDER BY id");

        Assert.That(query.Read(), Is.True);
        var error = Assert.Throws<SqliteException>(() => query.Read())!;
        Assert.That(error.Message, Does.Contain("malformed JSON"));
        Assert.That(query.Read(), Is.True, "reset after the error, the query runs again from its first row");
        Assert.That(System.Text.Encoding.UTF8.GetString(query.Blob(0)), Is.EqualTo("{\"a\":1}"));
    }

    [Test]
    public void Reset_lets_a_query_read_in_part_release_the_database()
    {
        var file = Path.Combine(Path.GetTempPath(), $"productflow-statement-{Guid.NewGuid():N}.db");
        try
        {
            using var reader = new SqliteConnection($"Data Source={file};Pooling=False");
            reader.Open();
            using (var create = reader.CreateCommand())
            {
                create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2)";
                create.ExecuteNonQuery();
            }

            using var query = new SqliteStatement(reader, "SELECT id FROM t");
            Assert.That(query.Read(), Is.True);
            using var writer = new SqliteConnection($"Data Source={file};Pooling=False");
            writer.Open();
            using var write = writer.CreateCommand();
            write.CommandTimeout = 1; // seconds: Microsoft.Data.Sqlite retries a busy database until then
            write.CommandText = "INSERT INTO t VALUES (3)";
            Assert.That(() => write.ExecuteNonQuery(), Throws.InstanceOf<SqliteException>(), "a rollback journal: the open read holds a shared lock");

            query.Reset();

            Assert.That(() => write.ExecuteNonQuery(), Throws.Nothing);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Test]
    public void Prepare_fails_naming_a_parameter_the_sql_does_not_have()
    {
        var thrown = Assert.Throws<ArgumentException>(() => new SqliteStatement(_connection, "INSERT INTO t (id) VALUES ($id)", "$id", "$name"))!;
        Assert.That(thrown.Message, Does.Contain("$name"));
    }

    [Test]
    public void Prepare_fails_naming_a_parameter_of_the_sql_left_unnamed()
    {
        var thrown = Assert.Throws<ArgumentException>(() => new SqliteStatement(_connection, "INSERT INTO t (id, name) VALUES ($id, $name)", "$id"))!;
        Assert.That(thrown.Message, Does.Contain("$name"));
    }

    [Test]
    public void Prepare_reports_a_syntax_error_as_a_sqlite_exception()
    {
        var thrown = Assert.Throws<SqliteException>(() => new SqliteStatement(_connection, "INSERT INTO nowhere (id) VALUES ($id)", "$id"))!;
        Assert.That(thrown.Message, Does.Contain("no such table: nowhere"));
    }

    [Test]
    public void Prepare_refuses_more_than_one_statement()
    {
        Assert.Throws<ArgumentException>(() => new SqliteStatement(_connection, "DELETE FROM t; DELETE FROM t", []));
    }

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
