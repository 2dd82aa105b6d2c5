using Microsoft.Data.Sqlite;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Store.Sqlite;

/// <summary>How the session runs its statements: prepared once in its transaction; writes bound by index, reads as commands.</summary>
internal sealed partial class SqliteStoreSession
{
    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A read, as a command: its rows are read through a data reader.</summary>
    private SqliteCommand Prepare(string sql, params string[] parameters) => PrepareRead(_connection, _transaction, sql, parameters);

    /// <summary>A read prepared in <paramref name="transaction"/>, its parameters named (values set per execution); also the model writer's.</summary>
    internal static SqliteCommand PrepareRead(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    /// <summary>A write run for every row: its parameters' indexes resolved once (see <see cref="SqliteStatement"/>); it runs in the session's transaction, begun on the same connection.</summary>
    private SqliteStatement Statement(string sql, params string[] parameters) => new(_connection, sql, parameters);

    /// <summary>Binds the product row's values (in the order of the product statements' parameters) and runs <paramref name="statement"/>.</summary>
    private int ExecuteProduct(SqliteStatement statement, ProductRecord record, int version, string blocked, long sequence, string notes, string sources, long state)
    {
        statement.Bind(0, record.Sku);
        statement.Bind(1, version);
        statement.Bind(2, _current.Hash);
        statement.Bind(3, record.Enabled ? 1 : 0);
        statement.Bind(4, blocked);
        statement.Bind(5, _current.Content.Span);
        statement.Bind(6, _run.Id);
        statement.Bind(7, _run.Pipeline);
        statement.Bind(8, sequence);
        statement.Bind(9, notes);
        statement.Bind(10, sources);
        statement.Bind(11, state);
        statement.Bind(12, record.Parent ?? record.Sku); // the model, as the document says it (SqliteSchema, version 6)
        statement.Bind(13, _current.Checked);
        return statement.Execute();
    }

    private void ExecuteVersion(string sku, int version)
    {
        _version.Bind(0, sku);
        _version.Bind(1, version);
        _version.Bind(2, _run.Id);
        _version.Bind(3, _at);
        _version.Bind(4, _current.Hash);
        _version.Bind(5, _current.Lineage.Span);
        _version.Execute();
    }

    private static void ExecuteSku(SqliteStatement statement, string sku)
    {
        statement.Bind(0, sku);
        statement.Execute();
    }

    /// <summary>Closes the open quarantine entries earlier runs left for <paramref name="sku"/>.</summary>
    private void ExecuteClose(string sku)
    {
        _close.Bind(0, sku);
        _close.Bind(1, _run.Id);
        _close.Execute();
    }

    /// <summary>The hashes of the SKUs with open quarantine entries.</summary>
    private HashSet<ulong> OpenQuarantineSkus()
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SELECT sku FROM quarantine WHERE closed_by IS NULL AND sku IS NOT NULL";
        using var reader = command.ExecuteReader();
        var skus = new HashSet<ulong>();
        while (reader.Read())
        {
            skus.Add(KeyHash.Of(reader.GetString(0)));
        }

        return skus;
    }
}
