using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ProductFlow.Store.Sqlite;

/// <summary>One statement prepared once on a connection's handle, its values bound by index; a write, or a query read row by row.</summary>
/// <remarks>
/// <para>
/// A <see cref="SqliteCommand"/> binds its parameters by name on every execution (<c>sqlite3_bind_parameter_index</c> for each,
/// its name made UTF-8 each time) and walks its statement list; a run's store writes do that for every row. This statement
/// resolves its parameters' indexes once, when it is prepared: the SQL keeps its <c>$name</c> parameters, and values are bound
/// by their position among the names given (<see cref="Bind(int, long)"/> and its overloads, no boxing).
/// </para>
/// <para>
/// Values are bound as Microsoft.Data.Sqlite binds them (text as UTF-8, byte arrays as blobs, an empty one a blob too), so a
/// statement stores what a command would. It runs on the connection it was prepared on, inside whatever transaction that
/// connection has begun. Errors are thrown as Microsoft.Data.Sqlite throws them (<see cref="SqliteException"/>, from SQLite's
/// result code and message); the statement is reset after every execution, failed or not, so it can run again. Unlike a
/// command it does not retry a busy database: it is meant for a session that holds the write lock (BEGIN IMMEDIATE).
/// Not thread-safe, as a connection is not.
/// </para>
/// </remarks>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;
    private byte[] _utf8 = new byte[256];

    /// <summary>Prepares <paramref name="sql"/> (one statement) on <paramref name="connection"/>, which must be open.</summary>
    /// <param name="connection">The connection the statement runs on.</param>
    /// <param name="sql">The statement, its parameters named (<c>$sku</c>).</param>
    /// <param name="parameters">Every parameter of <paramref name="sql"/>, once each; a value is bound by its position here.</param>
    /// <exception cref="ArgumentException">A name <paramref name="sql"/> does not have, a parameter of it not named, or more than one statement.</exception>
    /// <exception cref="SqliteException">SQLite cannot prepare the statement (its syntax, a table it does not know).</exception>
    public SqliteStatement(SqliteConnection connection, string sql, params string[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement, out string tail);
        try
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
            if (_statement.IsInvalid || !string.IsNullOrWhiteSpace(tail))
            {
                throw new ArgumentException($"Expected one SQL statement: {sql}", nameof(sql));
            }

            _indexes = Resolve(sql, parameters);
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    /// <summary>Binds the parameter at <paramref name="position"/> (among the names given) to an integer.</summary>
    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, _indexes[position], value));

    /// <summary>Binds the parameter at <paramref name="position"/> to text, or to null when <paramref name="value"/> is.</summary>
    public void Bind(int position, string? value)
    {
        if (value is null)
        {
            BindNull(position);
            return;
        }

        // As Microsoft.Data.Sqlite (through SQLitePCL's string overload): UTF-8 with a terminating zero, bound up to it.
        var length = Encoding.UTF8.GetMaxByteCount(value.Length) + 1;
        if (_utf8.Length < length)
        {
            _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(value, _utf8);
        _utf8[written] = 0;
        Check(raw.sqlite3_bind_text(_statement, _indexes[position], utf8z.FromSpan(_utf8.AsSpan(0, written + 1))));
    }

    /// <summary>Binds the parameter at <paramref name="position"/> to a blob (SQLite copies it); an empty span is an empty blob, not null.</summary>
    public void Bind(int position, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, _indexes[position], value));

    /// <summary>Binds the parameter at <paramref name="position"/> to null.</summary>
    public void BindNull(int position) => Check(raw.sqlite3_bind_null(_statement, _indexes[position]));

    /// <summary>Runs the statement with the values bound, then resets it and clears its values (a value not bound again is null).</summary>
    /// <returns>The rows the statement inserted, updated or deleted (SQLite's <c>sqlite3_changes</c>).</returns>
    /// <exception cref="SqliteException">SQLite's error: a constraint violated, a busy database.</exception>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                // A write with RETURNING: its rows are not read.
            }

            // The exception is made here, with SQLite's message for this error, before the reset below.
            SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    /// <summary>Steps a query to its next row: false after the last, when the statement is reset and its values cleared (as after <see cref="Execute"/>).</summary>
    /// <remarks>A row's columns (<see cref="Blob"/>) are read before the next step: their spans are SQLite's own buffers, good until then. A busy database is not waited for (see the class's remarks).</remarks>
    /// <exception cref="SqliteException">SQLite's error; the statement is reset.</exception>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        try
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
            return false;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    /// <summary>Resets a query read only in part, so it can run again; its values stay bound.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>The blob in <paramref name="column"/> of the current row (a text's UTF-8 bytes), without a copy: good until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private int[] Resolve(string sql, string[] parameters)
    {
        var indexes = new int[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            indexes[i] = raw.sqlite3_bind_parameter_index(_statement, parameters[i]);
            if (indexes[i] == 0)
            {
                throw new ArgumentException($"The statement has no parameter {parameters[i]}: {sql}", nameof(parameters));
            }
        }

        var count = raw.sqlite3_bind_parameter_count(_statement);
        for (var index = 1; index <= count; index++)
        {
            if (Array.IndexOf(indexes, index) < 0)
            {
                throw new ArgumentException($"The statement's parameter {raw.sqlite3_bind_parameter_name(_statement, index).utf8_to_string()} is not named: {sql}", nameof(parameters));
            }
        }

        return indexes;
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);
}
