using Microsoft.Data.Sqlite;

namespace ProductFlow.Store.Sqlite;

/// <summary>The embedded store's tables, created and upgraded by version (<c>PRAGMA user_version</c>).</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY, pipeline TEXT NOT NULL, feed_name TEXT NOT NULL, feed_size INTEGER NOT NULL,
            feed_sha256 TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
            read INTEGER NOT NULL, accepted INTEGER NOT NULL, rejected INTEGER NOT NULL, warnings INTEGER NOT NULL,
            changed INTEGER NOT NULL, report TEXT);
        CREATE TABLE products (
            sku TEXT PRIMARY KEY, version INTEGER NOT NULL, hash BLOB NOT NULL, enabled INTEGER NOT NULL,
            blocked TEXT NOT NULL, doc BLOB NOT NULL, run_id TEXT NOT NULL);
        CREATE TABLE product_versions (
            sku TEXT NOT NULL, version INTEGER NOT NULL, run_id TEXT NOT NULL, at TEXT NOT NULL,
            hash BLOB NOT NULL, doc BLOB NOT NULL, lineage BLOB NOT NULL, PRIMARY KEY (sku, version)) WITHOUT ROWID;
        CREATE TABLE quarantine (
            run_id TEXT NOT NULL, line INTEGER NOT NULL, sku TEXT, issues TEXT NOT NULL, source TEXT NOT NULL,
            PRIMARY KEY (run_id, line)) WITHOUT ROWID;
        """,
        """
        ALTER TABLE products ADD COLUMN source TEXT NOT NULL DEFAULT '';
        ALTER TABLE products ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE products ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE products SET change_seq = rowid;
        CREATE INDEX products_change_seq ON products (change_seq);
        CREATE INDEX products_source ON products (source, removed);
        ALTER TABLE product_versions ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
        """,
        """
        ALTER TABLE quarantine ADD COLUMN closed_by TEXT;
        ALTER TABLE runs ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX quarantine_open_sku ON quarantine (sku) WHERE closed_by IS NULL;
        """,
        """
        ALTER TABLE products ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        """,
        """
        ALTER TABLE products ADD COLUMN sources TEXT NOT NULL DEFAULT '';
        UPDATE products SET sources = '|' || source || '|' WHERE source <> '' AND removed = 0;
        """,
    ];

    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = version; i < Migrations.Length; i++)
        {
            Execute(connection, transaction, Migrations[i]);
            Execute(connection, transaction, $"PRAGMA user_version = {i + 1}");
        }

        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
